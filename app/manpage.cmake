# cmake -DCONLAB=path/to/conlab -DOUTPUT=conlab.1 -P manpage.cmake: writes the manual page with `conlab --man`, after
# the build linked conlab (app/CMakeLists.txt). A failed run leaves no page behind.
# Leak checking off: an instrumented build (the asan preset) would fail over what Qt keeps until the process exits.
set(ENV{ASAN_OPTIONS} "detect_leaks=0")
execute_process(COMMAND "${CONLAB}" --man OUTPUT_FILE "${OUTPUT}.new" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    file(REMOVE "${OUTPUT}.new")
    message(FATAL_ERROR "conlab --man failed (${status}): no manual page")
endif()
file(RENAME "${OUTPUT}.new" "${OUTPUT}")
