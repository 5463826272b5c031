// SPDX-License-Identifier: MIT
// Exercise 21: web_crawler (being written).
#pragma once

namespace exercise {}  // namespace exercise
