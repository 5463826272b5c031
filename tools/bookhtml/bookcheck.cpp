// SPDX-License-Identifier: MIT
// bookcheck: loads every page of the course's web site in headless Chromium,
// driven over the DevTools protocol (a WebSocket, Boost.Beast), and fails on
// what a reader would see broken: a console error or an uncaught exception
// (a resource that did not load is one), a link to a file that is not there,
// an image that did not load, an example heading without its two code columns
// side by side, Chinese text that Chromium had no CJK font for (it would
// show boxes), or, in the editions printed to PDF, code wider than the page. It starts its own
// Chromium, on a free loopback port, and can save a screenshot of one page.
#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/core/detail/base64.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

namespace {

namespace fs = std::filesystem;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;
using json = nlohmann::json;
using namespace std::chrono_literals;

// chromium is a headless browser of our own, ended and cleaned up with this object.
class chromium {
 public:
  explicit chromium(const std::string& program) : profile_(make_profile()) {
    pid_ = ::fork();
    if (pid_ == 0) {
      const int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, STDOUT_FILENO);
      ::dup2(null, STDERR_FILENO);
      const std::string profile = "--user-data-dir=" + profile_.string();
      ::execlp(program.c_str(), program.c_str(), "--headless", "--no-sandbox", "--disable-gpu",
               "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
               "--window-size=1400,1000", "--remote-debugging-address=127.0.0.1",
               "--remote-debugging-port=0", profile.c_str(), "about:blank",
               static_cast<char*>(nullptr));
      ::_exit(127);
    }
  }
  chromium(const chromium&) = delete;
  chromium& operator=(const chromium&) = delete;
  ~chromium() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    std::error_code ignored;
    fs::remove_all(profile_, ignored);
  }

  // endpoint() is the port and path of the browser's DevTools WebSocket, which
  // Chromium writes into its profile once it listens (port 0: a free one).
  std::pair<std::string, std::string> endpoint() const {
    const fs::path file = profile_ / "DevToolsActivePort";
    for (auto deadline = std::chrono::steady_clock::now() + 30s;
         std::chrono::steady_clock::now() < deadline;) {
      std::ifstream in(file);
      std::string port, path;
      if (std::getline(in, port) && std::getline(in, path)) return {port, path};
      if (::waitpid(pid_, nullptr, WNOHANG) == pid_)
        throw std::runtime_error("Chromium exited at start");
      std::this_thread::sleep_for(50ms);
    }
    throw std::runtime_error("Chromium did not open its DevTools port within 30 s");
  }

 private:
  static fs::path make_profile() {
    std::string pattern = (fs::temp_directory_path() / "bookcheck-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
      throw std::runtime_error("cannot make a temporary profile");
    return pattern;
  }
  fs::path profile_;
  pid_t pid_ = -1;
};

// devtools is one connection to the browser; commands to a page go to its session.
class devtools {
 public:
  devtools(const std::string& port, const std::string& path) : ws_(io_) {
    tcp::resolver resolver(io_);
    boost::asio::connect(ws_.next_layer(), resolver.resolve("127.0.0.1", port));
    const timeval limit{30, 0};  // no read waits longer: a silent browser fails the check
    ::setsockopt(ws_.next_layer().native_handle(), SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    ws_.read_message_max(256 * 1024 * 1024);
    ws_.handshake("127.0.0.1:" + port, path);
  }

  json call(const std::string& method, const json& params = json::object(),
            const std::string& session = "") {
    const int id = next_id_++;
    json message{{"id", id}, {"method", method}, {"params", params}};
    if (!session.empty()) message["sessionId"] = session;
    ws_.write(boost::asio::buffer(message.dump()));
    for (;;) {
      json reply = read();
      if (!reply.contains("id")) {
        events_.push_back(std::move(reply));
        continue;
      }
      if (reply.at("id") != id) continue;
      if (reply.contains("error"))
        throw std::runtime_error(method + ": " + reply.at("error").dump());
      return reply.at("result");
    }
  }

  // wait() reads until event arrives for session, keeping the others.
  void wait(const std::string& event, const std::string& session) {
    for (auto it = events_.begin(); it != events_.end(); ++it) {
      if (it->value("method", "") == event && it->value("sessionId", "") == session) {
        events_.erase(it);
        return;
      }
    }
    for (;;) {
      json message = read();
      if (message.value("method", "") == event && message.value("sessionId", "") == session) return;
      events_.push_back(std::move(message));
    }
  }

  // errors() is what the page reported as errors so far: console errors,
  // uncaught exceptions, resources that failed to load.
  std::vector<std::string> errors(const std::string& session) {
    std::vector<std::string> found;
    for (const json& e : events_) {
      if (e.value("sessionId", "") != session) continue;
      const std::string method = e.value("method", "");
      const json& p = e.value("params", json::object());
      if (method == "Runtime.exceptionThrown")
        found.push_back("exception: " + p.at("exceptionDetails").dump());
      if (method == "Runtime.consoleAPICalled" && p.value("type", "") == "error") {
        found.push_back("console.error: " + p.at("args").dump());
      }
      if (method == "Log.entryAdded" && p.at("entry").value("level", "") == "error") {
        found.push_back(p.at("entry").value("text", "") + " " + p.at("entry").value("url", ""));
      }
    }
    std::erase_if(events_, [&](const json& e) { return e.value("sessionId", "") == session; });
    return found;
  }

 private:
  json read() {
    beast::flat_buffer buffer;
    ws_.read(buffer);
    return json::parse(beast::buffers_to_string(buffer.data()));
  }

  boost::asio::io_context io_;
  websocket::stream<tcp::socket> ws_;
  int next_id_ = 1;
  std::deque<json> events_;
};

// The checks that run inside each page, as JSON: images that did not load,
// every link's target, and the example headings ("06 send_data — …") not
// followed by two non-empty code columns side by side.
constexpr const char* kPageChecks = R"js(JSON.stringify((() => {
  const images = [...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src'));
  const links = [...document.querySelectorAll('a[href]')].map(a => a.href);
  const withoutColumns = [];
  for (const h of document.querySelectorAll('h3')) {
    if (!/^[0-9]{2} [a-z_]+ —/.test(h.textContent)) continue;
    let sideBySide = false;
    for (let n = h.nextElementSibling; n && !/^H[23]$/.test(n.tagName); n = n.nextElementSibling) {
      if (!n.classList.contains('pair')) continue;
      const cols = [...n.children].filter(c => c.classList.contains('col') && c.querySelector('pre')
                                                 && c.querySelector('pre').textContent.trim() !== '');
      if (cols.length !== 2) continue;
      const [a, b] = cols.map(c => c.getBoundingClientRect());
      if (a.width > 0 && b.width > 0 && Math.abs(a.top - b.top) < 2 && b.left > a.right) sideBySide = true;
    }
    if (!sideBySide) withoutColumns.push(h.textContent);
  }
  return {images, links, withoutColumns};
})()))js";

std::string decoded_path(const std::string& url) {
  std::string path;
  for (std::size_t i = 0; i < url.size(); ++i) {
    if (url[i] == '%' && i + 2 < url.size()) {
      path += static_cast<char>(std::stoi(url.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      path += url[i];
    }
  }
  return path;
}

// link_problem() says what is wrong with a link's target, if anything: a
// file:// target must exist; the web is not fetched (the site works offline).
std::optional<std::string> link_problem(const std::string& url) {
  if (url.starts_with("http://") || url.starts_with("https://")) return std::nullopt;
  if (!url.starts_with("file://")) return "a link to " + url;
  const std::string path = decoded_path(
      url.substr(7, url.find('#') == std::string::npos ? std::string::npos : url.find('#') - 7));
  if (!fs::is_regular_file(path)) return "a broken link to " + path;
  return std::nullopt;
}

// chinese_font() is whether Chromium set the page's first paragraph with a CJK font.
bool chinese_font(devtools& browser, const std::string& session) {
  const auto root =
      browser.call("DOM.getDocument", {{"depth", -1}}, session).at("root").at("nodeId");
  const auto node =
      browser.call("DOM.querySelector", {{"nodeId", root}, {"selector", "main p"}}, session)
          .at("nodeId");
  if (node == 0) return false;
  const json fonts =
      browser.call("CSS.getPlatformFontsForNode", {{"nodeId", node}}, session).at("fonts");
  for (const json& font : fonts) {
    if (font.value("familyName", "").find("CJK") != std::string::npos &&
        font.value("glyphCount", 0) > 0)
      return true;
  }
  return false;
}

void save_screenshot(devtools& browser, const std::string& session, const fs::path& file) {
  // From the first example's heading down: its two columns, as a reader sees them.
  const auto top = browser
                       .call("Runtime.evaluate",
                             {{"expression",
                               "(() => { const h = [...document.querySelectorAll('h3')].find(h => "
                               "/^[0-9]{2} [a-z_]+ —/.test(h.textContent)); return h ? "
                               "h.getBoundingClientRect().top "
                               "+ window.scrollY - 10 : 0; })()"},
                              {"returnByValue", true}},
                             session)
                       .at("result")
                       .value("value", 0.0);
  const json clip{{"x", 0}, {"y", top}, {"width", 1400}, {"height", 900}, {"scale", 1}};
  const std::string data =
      browser
          .call("Page.captureScreenshot",
                {{"format", "png"}, {"clip", clip}, {"captureBeyondViewport", true}}, session)
          .at("data");
  std::string png(beast::detail::base64::decoded_size(data.size()), '\0');
  png.resize(beast::detail::base64::decode(png.data(), data.data(), data.size()).first);
  std::ofstream(file, std::ios::binary) << png;
}

// check_page() loads one page and returns what is wrong with it.
std::vector<std::string> check_page(devtools& browser, const fs::path& page, bool chinese,
                                    const std::optional<fs::path>& screenshot) {
  const std::string target =
      browser.call("Target.createTarget", {{"url", "about:blank"}}).at("targetId");
  const std::string session =
      browser.call("Target.attachToTarget", {{"targetId", target}, {"flatten", true}})
          .at("sessionId");
  for (const char* domain :
       {"Runtime.enable", "Log.enable", "Page.enable", "DOM.enable", "CSS.enable"}) {
    browser.call(domain, json::object(), session);
  }
  browser.call("Page.navigate", {{"url", "file://" + page.string()}}, session);
  browser.wait("Page.loadEventFired", session);
  std::vector<std::string> problems = browser.errors(session);
  const json checks = json::parse(
      browser
          .call("Runtime.evaluate", {{"expression", kPageChecks}, {"returnByValue", true}}, session)
          .at("result")
          .at("value")
          .get<std::string>());
  for (const auto& image : checks.at("images"))
    problems.push_back("an image that did not load: " + image.get<std::string>());
  for (const auto& url : checks.at("links")) {
    if (auto problem = link_problem(url)) problems.push_back(*problem);
  }
  for (const auto& heading : checks.at("withoutColumns")) {
    problems.push_back("no two code columns side by side under '" + heading.get<std::string>() +
                       "'");
  }
  if (chinese && !chinese_font(browser, session)) {
    problems.push_back("Chinese text set without a CJK font (boxes)");
  }
  if (page.filename() == "print.html") {
    // The edition the PDF is printed from: as on paper, no code runs past its box.
    // An A4 page less book.css's margins, 182 mm, is 688 CSS pixels wide.
    browser.call("Emulation.setEmulatedMedia", {{"media", "print"}}, session);
    browser.call("Emulation.setDeviceMetricsOverride",
                 {{"width", 688}, {"height", 1000}, {"deviceScaleFactor", 1}, {"mobile", false}},
                 session);
    const json overflowing =
        browser.call("Runtime.evaluate",
                     {{"expression",
                       "[...document.querySelectorAll('pre')].filter(p => p.scrollWidth > "
                       "p.clientWidth + 1).length"},
                      {"returnByValue", true}},
                     session);
    const int count = overflowing.at("result").value("value", -1);
    if (count != 0)
      problems.push_back(std::to_string(count) + " code blocks run past the printed page");
  }
  if (screenshot) save_screenshot(browser, session, *screenshot);
  browser.call("Target.closeTarget", {{"targetId", target}});
  return problems;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"bookcheck: load every page of the course's web site in headless Chromium"};
  fs::path site;
  std::string program = "chromium";
  fs::path screenshot;
  std::string screenshot_page = "chapter-2.html";
  app.add_option("--site", site, "the site's folder (cmake --build build --target book-html)")
      ->required()
      ->check(CLI::ExistingDirectory);
  app.add_option("--chromium", program, "the browser to drive")->capture_default_str();
  app.add_option("--screenshot", screenshot, "save a picture of one page here (PNG)");
  app.add_option("--screenshot-page", screenshot_page,
                 "the page to take it of, relative to the site")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  try {
    site = fs::canonical(site);
    std::vector<fs::path> pages;
    for (const auto& entry : fs::recursive_directory_iterator(site)) {
      if (entry.path().extension() == ".html") pages.push_back(entry.path());
    }
    std::sort(pages.begin(), pages.end());
    if (pages.empty()) throw std::runtime_error(site.string() + " holds no pages");
    chromium browser_process(program);
    const auto [port, path] = browser_process.endpoint();
    devtools browser(port, path);
    int broken = 0;
    for (const fs::path& page : pages) {
      const std::string name = fs::relative(page, site).string();
      const bool chinese = name.starts_with("zh/");
      const auto problems =
          check_page(browser, page, chinese,
                     !screenshot.empty() && name == screenshot_page ? std::optional(screenshot)
                                                                    : std::nullopt);
      for (const auto& problem : problems) std::cerr << name << ": " << problem << "\n";
      broken += problems.empty() ? 0 : 1;
    }
    std::cout << "bookcheck: " << pages.size() << " pages loaded in Chromium, " << broken
              << " with problems\n";
    return broken == 0 ? 0 : 1;
  } catch (const std::exception& error) {
    std::cerr << "bookcheck: " << error.what() << "\n";
    return 1;
  }
}
