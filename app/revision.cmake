# Writes OUTPUT, a C++ file defining conlab::sourceRevision(), from the git checkout at SOURCE_DIR. Run at every build
# (app/CMakeLists.txt): the file is rewritten only when the revision changed, so an unchanged tree recompiles nothing.
set(revision "unknown")
find_package(Git QUIET)
if(GIT_FOUND)
    execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${SOURCE_DIR}" describe --always --dirty --long
        OUTPUT_VARIABLE described OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE status ERROR_QUIET)
    if(status EQUAL 0 AND NOT described STREQUAL "")
        set(revision "${described}")
    endif()
endif()
file(WRITE "${OUTPUT}.new" "#include \"app/revision.h\"\n\nconst char* conlab::sourceRevision()\n{\n    return \"${revision}\";\n}\n")
configure_file("${OUTPUT}.new" "${OUTPUT}" COPYONLY)
file(REMOVE "${OUTPUT}.new")
