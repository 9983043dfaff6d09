# SPDX-License-Identifier: MIT
# Options every ClevAgent target shares: strict Qt defines and warnings.
# Each library links clev_options PRIVATE-ly so the settings never leak into consumers' ABI.
add_library(clev_options INTERFACE)
target_compile_definitions(clev_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    CLEV_VERSION="${PROJECT_VERSION}")
target_compile_options(clev_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    -Wno-missing-field-initializers)
# Hardening, as Debian's dpkg-buildflags sets it for packages: stack protector, fortified libc calls
# (these need optimisation, so not in Debug), read-only relocations bound at start.
target_compile_options(clev_options INTERFACE
    -fstack-protector-strong -fstack-clash-protection -fcf-protection
    $<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=2>)
target_link_options(clev_options INTERFACE -Wl,-z,relro -Wl,-z,now)
