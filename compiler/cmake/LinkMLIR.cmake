# How byteir's libraries and tools link MLIR and LLVM.
#
# Development (default): everything links libMLIR.so and libLLVM.so. Debian exports
# each MLIR library as a static archive, so naming e.g. MLIRIR in LINK_LIBS would pull
# the archive in next to the dylib and register dialects and options twice. We point
# every MLIR library target that libMLIR.so contains at the dylib instead.
#
# BYTEIR_STATIC_TOOLS: tools link the static archives and the static LLVM component
# libraries, and are stripped, so they run where no LLVM is installed (the GPU machine).

set(_byteir_not_in_dylib_regex
    "^(MLIR|MLIRTest.*|MLIRCAPI.*|.*TestPasses|MLIRExecutionEngine.*|MLIRJitRunner|mlir_.*|MLIRMlirOptMain|MLIRTblgenLib|MLIRTableGen|MLIRPDLL.*|MLIRLspServer.*|MLIRShardTest)$")

function(_byteir_redirect_mlir_to_dylib)
  get_target_property(dylib MLIR IMPORTED_LOCATION_RELWITHDEBINFO)
  foreach(target IN LISTS MLIR_EXPORTED_TARGETS)
    if(NOT target MATCHES "^MLIR" OR target MATCHES "${_byteir_not_in_dylib_regex}")
      continue()
    endif()
    get_target_property(type ${target} TYPE)
    if(NOT type STREQUAL "STATIC_LIBRARY")
      continue()
    endif()
    set_target_properties(${target} PROPERTIES
      IMPORTED_LOCATION_RELWITHDEBINFO "${dylib}"
      INTERFACE_LINK_LIBRARIES "")
  endforeach()
endfunction()

function(_byteir_use_static_llvm)
  # Replace the LLVM dylib in every MLIR target's interface with the static component
  # libraries (minus those whose own dependencies Debian does not ship).
  # lld resolves archives in any order, so the whole set can be listed once.
  set(llvm_static_libs)
  foreach(lib IN LISTS LLVM_AVAILABLE_LIBS)
    if(NOT TARGET ${lib} OR NOT lib MATCHES "^LLVM." OR lib MATCHES
       "^LLVM(Debuginfod|LineEditor|Extensions|LTO|DTLTO|Exegesis.*|-C)$")
      continue()
    endif()
    # Components that themselves need the dylib, or libraries Debian lacks.
    get_target_property(lib_deps ${lib} INTERFACE_LINK_LIBRARIES)
    if(NOT lib_deps OR NOT "LLVM" IN_LIST lib_deps)
      list(APPEND llvm_static_libs ${lib})
    endif()
  endforeach()
  foreach(target IN LISTS MLIR_EXPORTED_TARGETS)
    if(NOT TARGET ${target})
      continue()
    endif()
    get_target_property(deps ${target} INTERFACE_LINK_LIBRARIES)
    if(deps AND "LLVM" IN_LIST deps)
      list(REMOVE_ITEM deps LLVM)
      list(APPEND deps ${llvm_static_libs})
      set_target_properties(${target} PROPERTIES INTERFACE_LINK_LIBRARIES "${deps}")
    endif()
  endforeach()
endfunction()

if(BYTEIR_STATIC_TOOLS)
  set(MLIR_LINK_MLIR_DYLIB OFF)
  set(LLVM_LINK_LLVM_DYLIB OFF)
  _byteir_use_static_llvm()
else()
  set(MLIR_LINK_MLIR_DYLIB ON)
  _byteir_redirect_mlir_to_dylib()
endif()

# Final touches for a user-facing tool: statically linked tools are stripped.
function(byteir_finalize_tool tool)
  if(BYTEIR_STATIC_TOOLS)
    # --as-needed drops shared libraries (z3, xml2, ffi) that no kept code uses.
    target_link_options(${tool} PRIVATE -static-libstdc++ -static-libgcc -Wl,--strip-all
                        -Wl,--as-needed)
  endif()
endfunction()
