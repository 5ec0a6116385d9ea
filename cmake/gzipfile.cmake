# cmake -DGZIP=... -DINPUT=file -DOUTPUT=file.gz -P gzipfile.cmake: compresses the way Debian wants the manual page and
# the changelog, with gzip -9 -n (no name or time stamp: the same bytes every build).
execute_process(COMMAND "${GZIP}" -9 -n -c "${INPUT}" OUTPUT_FILE "${OUTPUT}" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    file(REMOVE "${OUTPUT}")
    message(FATAL_ERROR "gzip of ${INPUT} failed (${status})")
endif()
