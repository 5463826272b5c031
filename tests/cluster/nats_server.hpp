// SPDX-License-Identifier: MIT
// nats_server: a real nats-server with JetStream for one test, on a free
// 127.0.0.1 port, with its own store folder and a token made for this run, so
// that tests run in parallel and no one else gets in. It can be killed with
// SIGKILL and started again on the same port and store, as a crashed server
// comes back.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>

namespace gort_test {

class nats_server {
 public:
  nats_server() : port_(free_port()), token_(random_token()), store_(make_store()) { start(); }
  nats_server(const nats_server&) = delete;
  nats_server& operator=(const nats_server&) = delete;
  ~nats_server() {
    kill();
    std::error_code ignored;
    std::filesystem::remove_all(store_, ignored);
  }

  std::string url() const { return "nats://127.0.0.1:" + std::to_string(port_); }
  const std::string& token() const { return token_; }
  int port() const { return port_; }

  // kill() ends the server with SIGKILL, as a crash would.
  void kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

  // start() runs the server (again) and returns once it accepts connections.
  void start() {
    pid_ = ::fork();
    if (pid_ == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // a test that dies takes its server with it
      const int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, STDOUT_FILENO);
      ::dup2(null, STDERR_FILENO);
      const std::string port = std::to_string(port_);
      const std::string log = (store_ / "server.log").string();
      ::execlp("nats-server", "nats-server", "-js", "-a", "127.0.0.1", "-p", port.c_str(), "--auth",
               token_.c_str(), "-sd", store_.c_str(), "-l", log.c_str(),
               static_cast<char*>(nullptr));
      ::_exit(127);
    }
    for (auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
         std::chrono::steady_clock::now() < deadline;
         std::this_thread::sleep_for(std::chrono::milliseconds(20))) {
      if (::waitpid(pid_, nullptr, WNOHANG) == pid_)
        throw std::runtime_error("nats-server exited at start");
      if (accepts(port_)) return;
    }
    throw std::runtime_error("nats-server did not listen on port " + std::to_string(port_) +
                             " within 10 s");
  }

  // free_port() is a 127.0.0.1 port nothing listens on now.
  static int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
  }

 private:
  static bool accepts(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return ok;
  }
  static std::string random_token() {
    std::random_device device;
    std::string token;
    for (int i = 0; i < 32; ++i) token += "0123456789abcdef"[device() % 16];
    return token;
  }
  static std::filesystem::path make_store() {
    std::string pattern = (std::filesystem::temp_directory_path() / "nats-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
      throw std::runtime_error("cannot make a store folder");
    return pattern;
  }

  int port_;
  std::string token_;
  std::filesystem::path store_;
  pid_t pid_ = -1;
};

}  // namespace gort_test
