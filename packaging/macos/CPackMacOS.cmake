# SPDX-License-Identifier: MIT
# macOS disk image (not built here: this project's CI runs on Debian only). ClevAgent.app, made a
# bundle in src/app/desktop/CMakeLists.txt with packaging/macos/Info.plist.in and the Qt frameworks
# macdeployqt gathers (qt_generate_deploy_app_script), dragged to Applications from the image.
set(CPACK_GENERATOR DragNDrop)
set(CPACK_DMG_VOLUME_NAME "ClevAgent ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_PACKAGE_ICON "${PROJECT_BINARY_DIR}/packaging/generated/clevagent.icns")
# Signing hook: with CLEV_CODESIGN_IDENTITY set ("Developer ID Application: …"), the bundle is
# signed with the hardened runtime before it is packed, and the image after; notarise the image with
# `xcrun notarytool submit` afterwards.
if(DEFINED ENV{CLEV_CODESIGN_IDENTITY})
    set(CPACK_PRE_BUILD_SCRIPTS "${PROJECT_SOURCE_DIR}/packaging/macos/sign.cmake")
    set(CPACK_POST_BUILD_SCRIPTS "${PROJECT_SOURCE_DIR}/packaging/macos/sign.cmake")
endif()
