# SPDX-License-Identifier: MIT
# Runs signtool over the staged programs (before packing) or the finished packages (after).
# Needs signtool on PATH and CLEV_SIGNTOOL_ARGS in the environment; not run on Linux.
separate_arguments(sign_args WINDOWS_COMMAND "$ENV{CLEV_SIGNTOOL_ARGS}")
if(CPACK_PACKAGE_FILES)
    set(targets ${CPACK_PACKAGE_FILES})
else()
    file(GLOB_RECURSE targets "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.exe" "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.dll")
endif()
foreach(file IN LISTS targets)
    execute_process(COMMAND signtool sign ${sign_args} "${file}" RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "signtool failed on ${file}")
    endif()
endforeach()
