# SPDX-License-Identifier: MIT
# The layering rules the build enforces (run by CTest: cmake -DSOURCE_DIR=<repo> -DRULE=<rule> -P CheckLayers.cmake).
#   sql-in-storage  Qt Sql is the storage layer's business: no file under src/ outside src/storage includes
#                   <QSql…>/<QtSql…> or names QSqlQuery or QSqlDatabase.
#   gui-layers      The widgets see the engine and the values, not the store or the HTTP server: no file
#                   under src/gui includes "storage/…" or "server/…".
#   remote-layers   A client of a server elsewhere needs no engine: no file under src/remote, and neither
#                   the interface the views read (gui/MonitorSource.h) nor the remote source
#                   (gui/RemoteMonitor.*), includes "engine/…", "storage/…" or "server/…".
# A violation prints file:line and the line, and fails the test.
cmake_minimum_required(VERSION 3.16)

if(NOT SOURCE_DIR OR NOT RULE)
    message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=<repository> -DRULE=sql-in-storage|gui-layers|remote-layers -P CheckLayers.cmake")
endif()

# Files that break a rule for now, each with the reason and what ends it. Keep this short: an entry that
# no longer breaks its rule is reported, to be removed.
set(allowed_sql_in_storage
)
set(allowed_gui_layers
)

if(RULE STREQUAL "sql-in-storage")
    file(GLOB_RECURSE files RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/src/*.h" "${SOURCE_DIR}/src/*.cpp")
    list(FILTER files EXCLUDE REGEX "^src/storage/")
    set(pattern "(#[ \t]*include[ \t]*[<\"]Qt?Sql|QSqlQuery|QSqlDatabase)")
    set(allowed ${allowed_sql_in_storage})
    set(what "uses Qt Sql outside src/storage (move the statement into a store there)")
elseif(RULE STREQUAL "gui-layers")
    file(GLOB_RECURSE files RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/src/gui/*.h" "${SOURCE_DIR}/src/gui/*.cpp")
    set(pattern "#[ \t]*include[ \t]*[<\"](storage|server)/")
    set(allowed ${allowed_gui_layers})
    set(what "includes a storage or server header in the GUI (use core values or an engine facade)")
elseif(RULE STREQUAL "remote-layers")
    file(GLOB files RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/src/remote/*.h" "${SOURCE_DIR}/src/remote/*.cpp"
         "${SOURCE_DIR}/src/gui/MonitorSource.h" "${SOURCE_DIR}/src/gui/RemoteMonitor.h" "${SOURCE_DIR}/src/gui/RemoteMonitor.cpp")
    set(pattern "#[ \t]*include[ \t]*[<\"](engine|storage|server)/")
    set(allowed "")
    set(what "includes an engine, storage or server header in the remote client (use core values and core/ApiWire)")
else()
    message(FATAL_ERROR "unknown rule '${RULE}'")
endif()

list(LENGTH files count)
if(count EQUAL 0)
    message(FATAL_ERROR "no sources found under ${SOURCE_DIR}/src: wrong SOURCE_DIR?")
endif()

set(violations 0)
foreach(file IN LISTS files)
    file(STRINGS "${SOURCE_DIR}/${file}" hits REGEX "${pattern}")
    if(file IN_LIST allowed)
        if(NOT hits)
            message(WARNING "${file} is allowed to break '${RULE}' but no longer does: remove it from CheckLayers.cmake")
        endif()
        continue()
    endif()
    foreach(hit IN LISTS hits)
        string(STRIP "${hit}" hit)
        message(NOTICE "${file}: ${what}: ${hit}")
        math(EXPR violations "${violations} + 1")
    endforeach()
endforeach()

if(violations GREATER 0)
    message(FATAL_ERROR "${violations} layering violation(s) of '${RULE}'")
endif()
message(STATUS "'${RULE}' holds in ${count} files")
