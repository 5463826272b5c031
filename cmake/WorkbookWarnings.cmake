# SPDX-License-Identifier: MIT
# workbook_warnings(target): the project's warning set, as errors in CI.
option(WORKBOOK_WERROR "Treat compiler warnings as errors" OFF)

function(workbook_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
  if(WORKBOOK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
