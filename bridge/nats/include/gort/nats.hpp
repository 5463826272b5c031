// SPDX-License-Identifier: MIT
// gort::nats: NATS subjects as gort channels, on the NATS C client (libnats).
// A subscription delivers into a channel, so a goroutine receives network
// messages with the same recv, range and select as local ones; connection
// loss and reconnection arrive as values on a channel of their own. Nothing
// here blocks a pool thread on the network: publishing only queues the
// message in the client, and what must wait for the server (a JetStream
// publish, the next task of a work queue) waits on a thread of the bridge and
// hands the answer to the goroutine through a channel, where it parks.
#pragma once

#include <gort/gort.hpp>
#include <memory>
#include <stdexcept>
#include <string>

namespace gort::nats {

// error is what the server or the client refused, in words: a malformed
// URL, no server there, wrong credentials, a stream that cannot be made.
struct error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

namespace detail {
struct client;
struct handle;
}  // namespace detail

// message is one NATS message as a goroutine receives it.
class message {
 public:
  message() = default;
  std::string subject;
  std::string data;
  int delivered = 1;  // for a work-queue task: 1 the first time, 2 once redelivered, …

  // ack() tells JetStream that this task is done, so it is not delivered
  // again; for a plain subscription's message it does nothing. It only queues
  // the acknowledgement: it does not wait for the server.
  void ack() const;

 private:
  friend struct detail::client;
  std::shared_ptr<detail::handle> handle_;
};

// event is a change of the connection's state.
enum class event { disconnected, reconnected, closed };

// connection is one client connection to a NATS server, shared by copies.
class connection {
 public:
  // connect() connects to url (nats://host:port) with token as credentials
  // (empty: none); it retries for ever once connected, every 100 ms, keeping
  // what is published meanwhile. Throws error when the URL is malformed, no
  // server answers or the server refuses the credentials.
  static connection connect(const std::string& url, const std::string& token = {});

  // subscribe() delivers every message on subject (wildcards allowed) to the
  // returned channel, which holds up to capacity waiting messages before the
  // client's own queue fills (and the server reports a slow consumer).
  gort::recv_chan<message> subscribe(const std::string& subject, std::size_t capacity = 256) const;

  // publish() queues data for subject; the client sends it in the background.
  void publish(const std::string& subject, const std::string& data) const;

  // events() is the channel the connection's state changes arrive on.
  gort::recv_chan<event> events() const;

  // work_queue() makes sure JetStream has a file-backed work-queue stream
  // named stream over subjects (e.g. "tasks.>"): each message on them is kept
  // until one consumer acknowledges it. Waits for the server's answer.
  void work_queue(const std::string& stream, const std::string& subjects) const;

  // stream() makes sure JetStream has a file-backed stream that keeps every
  // message on subjects (limits retention), for results that must survive.
  void stream(const std::string& stream, const std::string& subjects) const;

  // js_publish() stores data on a stream's subject; the returned channel
  // receives "" once JetStream has it, or the reason it did not take it.
  gort::recv_chan<std::string> js_publish(const std::string& subject,
                                          const std::string& data) const;

  // pull() takes messages of stream's subject for the durable consumer
  // durable, up to batch at a time, and delivers them to the returned
  // channel; each must be ack()ed within ack_wait or JetStream delivers it
  // again. Consumers that share durable share the messages: each goes to one
  // of them (a batch above 1 lets one consumer hold several at once). The
  // channel is closed when the connection closes.
  gort::recv_chan<message> pull(const std::string& stream, const std::string& durable,
                                const std::string& subject,
                                std::chrono::milliseconds ack_wait = std::chrono::seconds(2),
                                int batch = 1) const;

  // close() flushes what is queued and closes the connection; every channel
  // of it is closed.
  void close() const;

 private:
  std::shared_ptr<detail::client> client_;
};

}  // namespace gort::nats
