# SPDX-License-Identifier: MIT
# cmake -DCHROMIUM=... -DSITE=DIR -DOUT=DIR -P cmake/PrintBook.cmake: prints the
# site's two one-page editions, DIR/print.html and DIR/zh/print.html, to
# OUT/book.pdf and OUT/book.zh.pdf through headless Chromium, and fails unless
# each is a PDF of more than 50 pages (a chapter starts a page: book.css).
foreach(edition "print.html;book.pdf" "zh/print.html;book.zh.pdf")
  list(GET edition 0 page)
  list(GET edition 1 pdf)
  file(REMOVE ${OUT}/${pdf})
  execute_process(
    COMMAND ${CHROMIUM} --headless --no-sandbox --disable-gpu --no-pdf-header-footer
            --print-to-pdf=${OUT}/${pdf} file://${SITE}/${page}
    TIMEOUT 240 RESULT_VARIABLE result OUTPUT_QUIET ERROR_QUIET)
  if(NOT EXISTS ${OUT}/${pdf})
    message(FATAL_ERROR "Chromium wrote no ${OUT}/${pdf} (exit: ${result})")
  endif()
  file(READ ${OUT}/${pdf} head LIMIT 8)
  file(STRINGS ${OUT}/${pdf} pages REGEX "/Type */Page([^s]|$)")
  list(LENGTH pages count)
  if(NOT head MATCHES "^%PDF-" OR count LESS 50)
    message(FATAL_ERROR "${OUT}/${pdf} is not the book: ${count} pages")
  endif()
  message(STATUS "${OUT}/${pdf}: ${count} pages")
endforeach()
