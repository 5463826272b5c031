# SPDX-License-Identifier: MIT
# Writes the GitHub Classroom workflow from the exercises' manifest:
#   cmake -DMANIFEST=exercises/manifest.json -DOUT=.github/workflows/classroom.yml -P cmake/ClassroomWorkflow.cmake
# It installs and builds once, then runs one autograding-command-grader step
# per exercise (its graded tests, for its points) and the grading reporter.
# With -DEXPECTED=file instead of OUT it writes nothing and fails unless that
# file is what the manifest gives (the project's test of the committed one).
if(NOT DEFINED MANIFEST OR NOT (DEFINED OUT OR DEFINED EXPECTED))
  message(FATAL_ERROR "usage: cmake -DMANIFEST=manifest.json -DOUT=classroom.yml -P ClassroomWorkflow.cmake")
endif()
file(READ ${MANIFEST} json)
string(JSON count LENGTH "${json}" exercises)
math(EXPR last "${count} - 1")

set(yaml [=[# Generated from exercises/manifest.json by cmake/ClassroomWorkflow.cmake; do not edit.
name: Autograding Tests
"on":
  - push
  - repository_dispatch
permissions:
  checks: write
  actions: read
  contents: read
jobs:
  run-autograding-tests:
    runs-on: ubuntu-latest
    container: debian:12
    if: github.actor != 'github-classroom[bot]'
    steps:
      - name: Checkout code
        uses: actions/checkout@v4
      - name: Install and build once
        run: scripts/install-deps.sh && cmake --preset learner && cmake --build --preset learner
]=])
set(env "")
set(runners "")
foreach(i RANGE ${last})
  string(JSON number GET "${json}" exercises ${i} number)
  string(JSON name GET "${json}" exercises ${i} name)
  string(JSON chapter GET "${json}" exercises ${i} chapter)
  string(JSON points GET "${json}" exercises ${i} points)
  set(id "exercise-${number}-${name}")
  string(TOUPPER "${id}" upper)
  string(APPEND yaml
    "      - name: ${number} ${name} (chapter ${chapter})\n"
    "        id: ${id}\n"
    "        uses: education/autograding-command-grader@v1\n"
    "        with:\n"
    "          test-name: ${number} ${name}\n"
    "          setup-command: ''\n"
    "          command: ctest --preset learner --no-tests=error -R '^exercises\\.${number}_${name}\\.'\n"
    "          timeout: 2\n"
    "          max-score: ${points}\n")
  string(APPEND env "          ${upper}_RESULTS: \"\${{steps.${id}.outputs.result}}\"\n")
  if(runners)
    string(APPEND runners ",")
  endif()
  string(APPEND runners "${id}")
endforeach()
string(APPEND yaml
  "      - name: Autograding Reporter\n"
  "        uses: education/autograding-grading-reporter@v1\n"
  "        env:\n"
  "${env}"
  "        with:\n"
  "          runners: ${runners}\n")
if(DEFINED OUT)
  file(WRITE ${OUT} "${yaml}")
endif()
if(DEFINED EXPECTED)
  file(READ ${EXPECTED} committed)
  if(NOT committed STREQUAL yaml)
    message(FATAL_ERROR "${EXPECTED} is not what ${MANIFEST} gives; write it again with\n"
      "  cmake -DMANIFEST=exercises/manifest.json -DOUT=.github/workflows/classroom.yml -P cmake/ClassroomWorkflow.cmake")
  endif()
endif()
