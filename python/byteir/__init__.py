"""byteir: an ahead-of-time ML model compiler and runtime.

    import byteir
    byteir.compile("model.mlir", "model.byre")          # StableHLO in, artifact out
    session = byteir.Session("model.byre")
    outputs = session.run({"input_0": x})               # {name: numpy array}
"""
from ._byteir import Session, compile  # noqa: F401

__all__ = ["Session", "compile"]
