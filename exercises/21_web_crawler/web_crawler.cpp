// SPDX-License-Identifier: MIT
#include "web_crawler.hpp"
