"""Small PyTorch models exported with torch.onnx.export (opsets 13 and 17) through
byteir.compile + byteir.Session, against PyTorch's own outputs."""
import os
import pathlib
import sys

import numpy as np
import pytest

torch = pytest.importorskip("torch")
BUILD = pathlib.Path(os.environ.get("BYTEIR_BUILD_DIR", "build")).resolve()
sys.path.insert(0, str(BUILD / "python_packages"))
import byteir  # noqa: E402

nn = torch.nn


def models():
    return {
        "transformer": (nn.TransformerEncoder(
            nn.TransformerEncoderLayer(32, 4, 64, batch_first=True, dropout=0.0), 2),
            torch.randn(2, 10, 32)),
        "convnet": (nn.Sequential(
            nn.Conv2d(3, 8, 3, padding=1, stride=2), nn.BatchNorm2d(8), nn.ReLU6(),
            nn.Conv2d(8, 8, 3, groups=8, padding=1), nn.Hardswish(), nn.AdaptiveAvgPool2d(1),
            nn.Flatten(), nn.Linear(8, 4), nn.LogSoftmax(-1)), torch.randn(2, 3, 16, 16)),
        "lstm": (nn.LSTM(8, 16, num_layers=2, bidirectional=True, batch_first=True),
                 torch.randn(3, 5, 8)),
        "gru": (nn.GRU(8, 12, batch_first=False), torch.randn(4, 2, 8)),
        "upsample_pool": (nn.Sequential(
            nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False),
            nn.Conv2d(3, 4, 3), nn.MaxPool2d(2, ceil_mode=True),
            nn.AvgPool2d(2, count_include_pad=False, padding=1)), torch.randn(1, 3, 9, 9)),
    }


@pytest.mark.parametrize("opset", [13, 17])
@pytest.mark.parametrize("name", list(models()))
def test_torch_export(name, opset, tmp_path):
    torch.manual_seed(0)
    model, x = models()[name]
    model.eval()
    path = tmp_path / f"{name}.onnx"
    torch.onnx.export(model, (x,), str(path), opset_version=opset)
    with torch.no_grad():
        want = model(x)
    if isinstance(want, tuple):
        want = want[0]
    byteir.compile(str(path), str(tmp_path / "m.byre"))
    session = byteir.Session(str(tmp_path / "m.byre"))
    got = session.run({session.inputs[0]: x.numpy()})[session.outputs[0]]
    np.testing.assert_allclose(got, want.numpy(), rtol=1e-3, atol=1e-4)
