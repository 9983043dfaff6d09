# SPDX-License-Identifier: MIT
# Windows installer (not built here: this project's CI runs on Debian only). An MSI from WiX 3,
# with the programs and the Qt run time windeployqt gathers (qt_generate_deploy_app_script in
# src/app/desktop/CMakeLists.txt), a Start-menu shortcut and an upgrade code that never changes,
# so a newer MSI replaces an older one.
set(CPACK_GENERATOR WIX)
set(CPACK_PACKAGE_INSTALL_DIRECTORY "ClevAgent")
set(CPACK_PACKAGE_EXECUTABLES clevagent-desktop "ClevAgent")
set(CPACK_WIX_UPGRADE_GUID "6C1F4B0E-3D1B-4C55-9A3C-2E5C9F3B7A41")
set(CPACK_WIX_PRODUCT_ICON "${PROJECT_BINARY_DIR}/packaging/generated/clevagent.ico")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "ClevAgent")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "https://clevagent.io")
set(CPACK_WIX_LICENSE_RTF "${PROJECT_SOURCE_DIR}/packaging/windows/license.rtf")
# Signing hook: with CLEV_SIGNTOOL_ARGS set (for example "/fd SHA256 /a /tr http://timestamp.example"),
# packaging/windows/sign.cmake signs the programs before they are packed and the MSI after.
if(DEFINED ENV{CLEV_SIGNTOOL_ARGS})
    set(CPACK_PRE_BUILD_SCRIPTS "${PROJECT_SOURCE_DIR}/packaging/windows/sign.cmake")
    set(CPACK_POST_BUILD_SCRIPTS "${PROJECT_SOURCE_DIR}/packaging/windows/sign.cmake")
endif()
