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
# CI builds with warnings as errors (scripts/build with CLEV_WERROR=1); a user's build never fails on a
# new compiler's new warning.
option(CLEV_WERROR "Treat compiler warnings as errors" OFF)
if(CLEV_WERROR)
    target_compile_options(clev_options INTERFACE -Werror)
endif()
# Hardening, as Debian's dpkg-buildflags sets it for packages: stack protector, fortified libc calls
# (these need optimisation, so not in Debug), read-only relocations bound at start.
target_compile_options(clev_options INTERFACE
    -fstack-protector-strong -fstack-clash-protection -fcf-protection
    $<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=2>)
target_link_options(clev_options INTERFACE -Wl,-z,relro -Wl,-z,now)

# Sanitizers for every target of the tree (the libraries, programs, tests and tools alike), e.g.
# -DCLEV_SANITIZE=address,undefined (scripts/test-sanitized). Empty: none. Undefined behaviour stops
# the program at once instead of printing and going on.
set(CLEV_SANITIZE "" CACHE STRING "Sanitizers for every target (-fsanitize=<value>), e.g. address,undefined; empty: none")
# libFuzzer targets (tests/fuzz, scripts/fuzz): clang only. Everything is built for coverage-guided
# fuzzing (fuzzer-no-link) and, unless CLEV_SANITIZE says otherwise, with ASan and UBSan.
option(CLEV_FUZZ "Build the libFuzzer targets in tests/fuzz (clang)" OFF)
set(clev_sanitizers "${CLEV_SANITIZE}")
if(CLEV_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "CLEV_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
    endif()
    if(NOT clev_sanitizers)
        set(clev_sanitizers "address,undefined")
    endif()
    set(clev_sanitizers "${clev_sanitizers},fuzzer-no-link")
endif()
if(clev_sanitizers)
    set(clev_sanitize_flags "-fsanitize=${clev_sanitizers}" -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_compile_options(${clev_sanitize_flags})
    add_link_options(${clev_sanitize_flags})
    message(STATUS "Sanitizers: ${clev_sanitizers}")
endif()
# ThreadSanitizer cannot see the hand-overs inside Debian's uninstrumented Qt: programs and tests of a
# TSan build link tests/sanitizers/TsanQtHandOver.cpp, which tells it about them (read its comment).
if(clev_sanitizers MATCHES "thread")
    add_library(clev_tsan_qt OBJECT "${PROJECT_SOURCE_DIR}/tests/sanitizers/TsanQtHandOver.cpp")
    target_link_libraries(clev_tsan_qt PRIVATE Qt6::Core)
    # The stage's self-check: one race of our own is reported, a hand-over through Qt is not.
    add_executable(tsan_canary "${PROJECT_SOURCE_DIR}/tests/sanitizers/tsan_canary.cpp")
    target_link_libraries(tsan_canary PRIVATE Qt6::Core clev_tsan_qt)
endif()
function(clev_link_sanitizer_support target)
    if(TARGET clev_tsan_qt)
        target_link_libraries(${target} PRIVATE clev_tsan_qt)
    endif()
endfunction()
