# lit configuration for byteir's compiler tests.
import os

import lit.formats
from lit.llvm import llvm_config

config.name = "byteir-compiler"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir"]
config.excludes = ["lit.cfg.py", "lit.site.cfg.py", "Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = config.byteir_obj_root

# Shared test data (JAX-printed StableHLO, ONNX models) lives beside the checkout.
config.substitutions.append(
    ("%testdata", os.path.join(config.byteir_src_root, "..", "shared", "testdata")))
config.substitutions.append(("%python", config.python_executable))

llvm_config.with_system_environment(["HOME", "TMP", "TEMP"])
llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.add_tool_substitutions(["byteir-opt"], [config.byteir_tools_dir])
