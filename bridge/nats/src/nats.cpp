// SPDX-License-Identifier: MIT
// gort::nats on libnats: the client's callback threads and the bridge's own
// thread hand messages and answers to goroutines through gort channels.
//
// Invariants: a delivery channel is closed once, by close(), under the
// client's lock, after done is closed; a delivery holds that lock while it
// waits to send, and gives up when done is closed, so close() never waits for
// a goroutine that stopped receiving, and nothing is sent on a closed channel.
// Every libnats object is destroyed after the threads that use it have ended.
#include <nats/nats.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <gort/nats.hpp>
#include <mutex>
#include <thread>
#include <vector>

namespace gort::nats {
namespace detail {

// handle owns one libnats message, for as long as a copy of its message lives.
struct handle {
  handle(natsMsg* m, bool js) : msg(m), jetstream(js) {}
  handle(const handle&) = delete;
  handle& operator=(const handle&) = delete;
  ~handle() { natsMsg_Destroy(msg); }
  natsMsg* msg;
  bool jetstream;
};

std::string describe(natsStatus status) {
  std::string text = natsStatus_GetText(status);
  if (const char* last = nats_GetLastError(nullptr); last != nullptr && *last != '\0')
    text += ": " + std::string(last);
  return text;
}

struct client;

// subscription is where one subscription's messages go.
struct subscription {
  client* owner = nullptr;
  gort::chan<message> out;
  natsSubscription* sub = nullptr;
};

struct client {
  natsConnection* nc = nullptr;
  jsCtx* js = nullptr;
  gort::chan<event> events = gort::make_chan<event>(64);
  gort::chan<gort::signal> done = gort::make_chan<gort::signal>();

  std::atomic<bool> shutting = false;  // shut() has begun
  std::mutex mu;  // guards closed and the delivery channels' closing; held while a delivery waits
  bool closed = false;
  std::vector<std::unique_ptr<subscription>> subscriptions;
  std::vector<gort::chan<message>> pulled;
  std::vector<std::jthread> pullers;

  // The bridge thread runs the calls that wait for the server, one at a time.
  std::mutex work_mu;
  std::condition_variable work_ready;
  std::deque<std::function<void()>> work;  // guarded by work_mu
  bool stopping = false;                   // guarded by work_mu
  std::jthread bridge{[this] { run_bridge(); }};

  ~client() {
    shut();
    {
      const std::lock_guard lock(work_mu);
      stopping = true;
    }
    work_ready.notify_one();
    bridge.join();
    for (auto& s : subscriptions) natsSubscription_Destroy(s->sub);
    jsCtx_Destroy(js);
    natsConnection_Destroy(nc);
  }

  void run_bridge() {
    for (;;) {
      std::unique_lock lock(work_mu);
      work_ready.wait(lock, [&] { return stopping || !work.empty(); });
      if (work.empty()) return;
      auto call = std::move(work.front());
      work.pop_front();
      lock.unlock();
      call();
    }
  }

  // offload() runs call on the bridge thread; its answer ("" or a reason)
  // arrives on the returned channel.
  gort::recv_chan<std::string> offload(std::function<std::string()> call) {
    auto answer = gort::make_chan<std::string>(1);
    {
      const std::lock_guard lock(work_mu);
      work.push_back([answer, call = std::move(call)] { answer << call(); });
    }
    work_ready.notify_one();
    return answer;
  }

  // deliver() hands m to out unless the connection is closing.
  void deliver(const gort::chan<message>& out, message m) {
    const std::lock_guard lock(mu);
    if (closed) return;
    gort::select(gort::send_case(out, std::move(m), [] {}), gort::recv_case(done, [] {}));
  }

  // shut() closes the connection and, once no delivery can run, every channel.
  void shut() {
    if (shutting.exchange(true)) return;
    done.close();  // first: a delivery waiting to send, holding mu, gives up
    {
      const std::lock_guard lock(mu);
      closed = true;
    }
    natsConnection_Close(nc);
    for (auto& puller : pullers) {
      puller.request_stop();
      puller.join();
    }
    const std::lock_guard lock(mu);
    for (auto& sub : subscriptions) sub->out.close();
    for (auto& out : pulled) out.close();
    events.close();
  }

  static message wrap(natsMsg* msg, bool jetstream) {
    message m;
    m.subject = natsMsg_GetSubject(msg);
    m.data.assign(natsMsg_GetData(msg), static_cast<std::size_t>(natsMsg_GetDataLength(msg)));
    if (jetstream) {
      jsMsgMetaData* meta = nullptr;
      if (natsMsg_GetMetaData(&meta, msg) == NATS_OK) {
        m.delivered = static_cast<int>(meta->NumDelivered);
        jsMsgMetaData_Destroy(meta);
      }
    }
    m.handle_ = std::make_shared<handle>(msg, jetstream);
    return m;
  }

  static void on_message(natsConnection*, natsSubscription*, natsMsg* msg, void* closure) {
    auto* s = static_cast<subscription*>(closure);
    s->owner->deliver(s->out, wrap(msg, false));
  }

  static void on_event(natsConnection*, void* closure, event e) {
    auto* c = static_cast<client*>(closure);
    const std::lock_guard lock(c->mu);
    if (!c->closed)
      c->events.try_send(e);  // a full queue of events drops the oldest news, not the client
  }
  static void on_disconnected(natsConnection* nc, void* closure) {
    on_event(nc, closure, event::disconnected);
  }
  static void on_reconnected(natsConnection* nc, void* closure) {
    on_event(nc, closure, event::reconnected);
  }
  static void on_closed(natsConnection* nc, void* closure) { on_event(nc, closure, event::closed); }

  void pull_loop(const std::stop_token& stop, natsSubscription* sub, gort::chan<message> out,
                 int batch) {
    while (!stop.stop_requested()) {
      {
        const std::lock_guard lock(mu);
        if (closed) break;
      }
      natsMsgList list{};
      const natsStatus status = natsSubscription_Fetch(&list, sub, batch, 500, nullptr);
      if (status == NATS_OK) {
        for (int i = 0; i < list.Count; ++i) {
          deliver(out, wrap(list.Msgs[i], true));
          list.Msgs[i] = nullptr;  // the message's handle owns it now
        }
      } else if (status != NATS_TIMEOUT) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));  // reconnecting: try again
      }
      natsMsgList_Destroy(&list);
    }
    natsSubscription_Destroy(sub);
  }
};

// check() throws the reason status is not NATS_OK, with what was asked.
void check(natsStatus status, const std::string& what) {
  if (status != NATS_OK) throw error(what + ": " + describe(status));
}

}  // namespace detail

void message::ack() const {
  if (handle_ && handle_->jetstream) natsMsg_Ack(handle_->msg, nullptr);
}

connection connection::connect(const std::string& url, const std::string& token) {
  if (!url.starts_with("nats://"))
    throw error("'" + url + "' is not a NATS URL (nats://host:port)");
  natsOptions* options = nullptr;
  detail::check(natsOptions_Create(&options), "cannot make the client's options");
  connection c;
  c.client_ = std::make_shared<detail::client>();
  auto* raw = c.client_.get();
  natsOptions_SetURL(options, url.c_str());
  if (!token.empty()) natsOptions_SetToken(options, token.c_str());
  natsOptions_SetTimeout(options, 2000);
  natsOptions_SetMaxReconnect(options, -1);  // for ever: a restarted server is found again
  natsOptions_SetReconnectWait(options, 100);
  natsOptions_SetDisconnectedCB(options, detail::client::on_disconnected, raw);
  natsOptions_SetReconnectedCB(options, detail::client::on_reconnected, raw);
  natsOptions_SetClosedCB(options, detail::client::on_closed, raw);
  const natsStatus status = natsConnection_Connect(&raw->nc, options);
  natsOptions_Destroy(options);
  if (status == NATS_NO_SERVER) throw error("no NATS server answers at " + url);
  detail::check(status, "cannot connect to " + url);
  detail::check(natsConnection_JetStream(&raw->js, raw->nc, nullptr), "no JetStream at " + url);
  return c;
}

gort::recv_chan<message> connection::subscribe(const std::string& subject,
                                               std::size_t capacity) const {
  auto s = std::make_unique<detail::subscription>();
  s->owner = client_.get();
  s->out = gort::make_chan<message>(capacity);
  detail::check(natsConnection_Subscribe(&s->sub, client_->nc, subject.c_str(),
                                         detail::client::on_message, s.get()),
                "cannot subscribe to '" + subject + "'");
  gort::recv_chan<message> out = s->out;
  const std::lock_guard lock(client_->mu);
  client_->subscriptions.push_back(std::move(s));
  return out;
}

void connection::publish(const std::string& subject, const std::string& data) const {
  detail::check(natsConnection_Publish(client_->nc, subject.c_str(), data.data(),
                                       static_cast<int>(data.size())),
                "cannot publish on '" + subject + "'");
}

gort::recv_chan<event> connection::events() const { return client_->events; }

namespace {

std::string add_stream(jsCtx* js, const std::string& name, const std::string& subjects,
                       jsRetentionPolicy retention) {
  jsStreamConfig config;
  jsStreamConfig_Init(&config);
  const char* list[] = {subjects.c_str()};
  config.Name = name.c_str();
  config.Subjects = list;
  config.SubjectsLen = 1;
  config.Retention = retention;
  config.Storage = js_FileStorage;
  jsErrCode code = static_cast<jsErrCode>(0);
  jsStreamInfo* info = nullptr;
  const natsStatus status = js_AddStream(&info, js, &config, nullptr, &code);
  jsStreamInfo_Destroy(info);
  if (status == NATS_OK) return "";
  return "cannot make the stream " + name + " over " + subjects + ": " + detail::describe(status);
}

}  // namespace

void connection::work_queue(const std::string& stream, const std::string& subjects) const {
  auto* js = client_->js;
  const std::string reason =
      client_->offload([=] { return add_stream(js, stream, subjects, js_WorkQueuePolicy); }).recv();
  if (!reason.empty()) throw error(reason);
}

void connection::stream(const std::string& stream, const std::string& subjects) const {
  auto* js = client_->js;
  const std::string reason =
      client_->offload([=] { return add_stream(js, stream, subjects, js_LimitsPolicy); }).recv();
  if (!reason.empty()) throw error(reason);
}

gort::recv_chan<std::string> connection::js_publish(const std::string& subject,
                                                    const std::string& data) const {
  auto* js = client_->js;
  return client_->offload([=]() -> std::string {
    jsPubAck* ack = nullptr;
    jsErrCode code = static_cast<jsErrCode>(0);
    const natsStatus status = js_Publish(&ack, js, subject.c_str(), data.data(),
                                         static_cast<int>(data.size()), nullptr, &code);
    jsPubAck_Destroy(ack);
    return status == NATS_OK ? ""
                             : "JetStream did not take the message on '" + subject +
                                   "': " + detail::describe(status);
  });
}

gort::recv_chan<message> connection::pull(const std::string& stream, const std::string& durable,
                                          const std::string& subject,
                                          std::chrono::milliseconds ack_wait, int batch) const {
  jsSubOptions options;
  jsSubOptions_Init(&options);
  options.Stream = stream.c_str();
  options.Config.AckWait = std::chrono::duration_cast<std::chrono::nanoseconds>(ack_wait).count();
  natsSubscription* sub = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  detail::check(js_PullSubscribe(&sub, client_->js, subject.c_str(), durable.c_str(), nullptr,
                                 &options, &code),
                "cannot take work from '" + subject + "' in stream " + stream);
  auto out = gort::make_chan<message>();
  const std::lock_guard lock(client_->mu);
  client_->pulled.push_back(out);
  client_->pullers.emplace_back([c = client_.get(), sub, out, batch](const std::stop_token& stop) {
    c->pull_loop(stop, sub, out, batch);
  });
  return out;
}

void connection::close() const { client_->shut(); }

}  // namespace gort::nats
