# SPDX-License-Identifier: MIT
# CPack: the Debian packages clevagent-desktop and clevagent-server (one per install component),
# and a .tar.gz of the same install tree for other Linux systems. scripts/package runs it.
# Windows (WiX, with windeployqt) and macOS (DragNDrop, with macdeployqt) are configured in
# packaging/windows and packaging/macos, written for those platforms and not built here.
set(CPACK_PACKAGE_NAME clevagent)
set(CPACK_PACKAGE_VENDOR "The ClevAgent developers")
set(CPACK_PACKAGE_CONTACT "The ClevAgent developers <packaging@clevagent.io>")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://clevagent.io")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL desktop server)
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/packages")

if(WIN32)
    include("${PROJECT_SOURCE_DIR}/packaging/windows/CPackWindows.cmake")
elseif(APPLE)
    include("${PROJECT_SOURCE_DIR}/packaging/macos/CPackMacOS.cmake")
else()
    set(CPACK_GENERATOR DEB TGZ)
    # The tarball: both programs and their files, with the same layout as the packages (usr/, etc/, lib/).
    set(CPACK_ARCHIVE_COMPONENT_INSTALL OFF)
    set(CPACK_SET_DESTDIR ON)
    set(CPACK_PACKAGE_FILE_NAME "clevagent-${PROJECT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR}")

    set(CPACK_DEB_COMPONENT_INSTALL ON)
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_VERSION "${PROJECT_VERSION}")
    set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${CPACK_PACKAGE_HOMEPAGE_URL}")
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # the libraries the binaries link, from dpkg-shlibdeps
    set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

    set(CPACK_DEBIAN_DESKTOP_PACKAGE_NAME clevagent-desktop)
    set(CPACK_DEBIAN_DESKTOP_PACKAGE_SECTION utils)
    # What no linked library pulls in: Qt's SQLite driver and SVG icon engine (plugins), the Secret
    # Service client QtKeychain loads at run time; a Secret Service itself and Qt's own translations
    # are recommended (a desktop usually has them; without one the app says so and keeps working).
    set(CPACK_DEBIAN_DESKTOP_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6, libsecret-1-0")
    set(CPACK_DEBIAN_DESKTOP_PACKAGE_RECOMMENDS "gnome-keyring | keepassxc | libkf5wallet-bin, qt6-translations-l10n, qt6-wayland")
    set(CPACK_DEBIAN_DESKTOP_DESCRIPTION "local monitor and dashboard for AI agents
ClevAgent watches AI agents (Python loops calling OpenAI or Anthropic,
LangGraph, CrewAI...) on this computer: agents send heartbeats with two lines
of the ClevAgent SDK, and the app shows them live, tells when one dies,
crashes, loops or crosses its daily budget, restarts it, and charts its
tokens and costs. Alerts go to the tray, Slack, Discord, webhooks, PagerDuty
or e-mail, with every secret in the system keychain.

This package holds the desktop app, with the monitoring engine inside.")

    set(CPACK_DEBIAN_SERVER_PACKAGE_NAME clevagent-server)
    set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
    set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite, systemd | systemd-standalone-sysusers")
    set(CPACK_DEBIAN_SERVER_DESCRIPTION "heartbeat server and watchdog for AI agents
clevagent-server speaks the ClevAgent HTTP API: AI agents send heartbeats,
it stores them in SQLite, judges each agent late or dead from its interval,
detects loops and runaway costs, keeps daily budgets, notifies Slack,
Discord, webhooks, PagerDuty or e-mail, and restarts agents through Docker,
systemd or a process it supervises. The ClevAgent desktop app can watch it
from another machine.

This package runs it as a system service on 127.0.0.1:9475, as the
clevagent user, with its database in /var/lib/clevagent.")
    set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
        "${PROJECT_SOURCE_DIR}/packaging/debian/server/postinst"
        "${PROJECT_SOURCE_DIR}/packaging/debian/server/prerm"
        "${PROJECT_SOURCE_DIR}/packaging/debian/server/postrm"
        "${PROJECT_SOURCE_DIR}/packaging/debian/server/conffiles")
endif()

include(CPack)
