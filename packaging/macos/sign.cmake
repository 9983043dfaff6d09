# SPDX-License-Identifier: MIT
# codesign over the staged app bundle (before packing) or the finished disk image (after), with the
# identity in CLEV_CODESIGN_IDENTITY. Not run on Linux.
if(CPACK_PACKAGE_FILES)
    set(targets ${CPACK_PACKAGE_FILES})
    set(extra)
else()
    file(GLOB_RECURSE targets LIST_DIRECTORIES true "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.app")
    list(FILTER targets INCLUDE REGEX "\\.app$")
    set(extra --deep --options runtime)
endif()
foreach(target IN LISTS targets)
    execute_process(COMMAND codesign --force --timestamp ${extra} --sign "$ENV{CLEV_CODESIGN_IDENTITY}" "${target}" RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "codesign failed on ${target}")
    endif()
endforeach()
