// SPDX-License-Identifier: MIT
// Linked into every program and test of a ThreadSanitizer build (-DCLEV_SANITIZE=thread), nowhere else.
//
// Debian's Qt is not built with ThreadSanitizer. Qt's own locks (QMutex, QSemaphore) are futexes TSan
// cannot see, so a hand-over through Qt — a functor queued to another thread's event loop, a queued
// signal, a runnable given to a thread pool, a thread that finished before wait() — looks to TSan like
// two threads touching the same memory with nothing between them, and every such hand-over is
// reported. This file tells TSan about those hand-overs, so what it reports is left to our own code:
//
//  - Posting: QCoreApplication::postEvent, after the event is queued, wakes the receiving thread with
//    glib's g_main_context_wakeup (Debian's Qt runs its event loops on glib). libQt6Core calls it
//    through the PLT, so the definition here runs instead, releases a token, and forwards to glib's.
//    Everything the poster wrote before — the functor, the signal's argument copies, the event
//    itself — is ordered before what follows the token's acquisition.
//  - Delivering: Qt delivers every event through QCoreApplication::notifyInternal2, which calls the
//    callbacks registered for QInternal::EventNotifyCallback: there the receiving thread acquires the
//    token (and releases it, ordering its earlier work before its later posts and its end).
//  - Blocking calls: our code enters Qt through exported functions (calls through the PLT, forwarded
//    with dlsym(RTLD_NEXT)): QMetaObject::invokeMethodImpl (every invokeMethod with a functor or member
//    pointer) wraps the functor so that it releases the token when it has run, and acquires it when the
//    call returns; QMetaObject::activate (every signal our moc code emits) and QThread::wait,
//    QThreadPool::waitForDone acquire it on return.
//  - Thread pools: QThreadPool::start gets a runnable made here, which acquires the token when it
//    starts and releases it when it ends.
//
// One token for all hand-overs is coarser than Qt's real ordering (it orders a post to one thread
// before a later event on any thread), so a race whose two sides are both separated by unrelated
// hand-overs can go unseen. What it keeps is what matters here: races between threads of our own
// that share memory under our own locks (std::mutex, atomics), which TSan sees exactly.
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMetaObject>
#include <QRunnable>
#include <QThread>
#include <QThreadPool>

#include <dlfcn.h>
#include <functional>

extern "C" void __tsan_acquire(void *addr);
extern "C" void __tsan_release(void *addr);
extern "C" void AnnotateIgnoreWritesBegin(const char *file, int line);
extern "C" void AnnotateIgnoreWritesEnd(const char *file, int line);

namespace {

char token;

void release()
{
    __tsan_release(&token);
}

void acquire()
{
    __tsan_acquire(&token);
}

template <typename F> F next(const char *symbol)
{
    void *f = dlsym(RTLD_NEXT, symbol);
    if (!f)
        qFatal("ThreadSanitizer support: %s not found in Qt", symbol);
    return reinterpret_cast<F>(f);
}

// Before each event: what was handed over before it is visible; what this thread did so far is
// ordered before what it hands over next (including its end, which Qt signals from inside itself).
bool onEvent(void **)
{
    acquire();
    release();
    return false; // delivered as usual
}

// Registered before main(): QInternal's callback table is a plain global of Qt's.
[[maybe_unused]] const bool registered = QInternal::registerCallback(QInternal::EventNotifyCallback, onEvent);

// A functor handed to invokeMethod, wrapped: it sees what was handed over, and what it did is seen by
// whoever waited for it (BlockingQueuedConnection).
class OrderedSlot final : public QtPrivate::QSlotObjectBase
{
public:
    explicit OrderedSlot(QtPrivate::QSlotObjectBase *inner)
        : QSlotObjectBase(&impl)
        , m_inner(inner)
    {
    }

private:
    static void impl(int which, QSlotObjectBase *self, QObject *receiver, void **args, bool *ret)
    {
        auto *me = static_cast<OrderedSlot *>(self);
        switch (which) {
        case Destroy:
            me->m_inner->destroyIfLastRef();
            delete me;
            break;
        case Call:
            acquire();
            me->m_inner->call(receiver, args);
            release();
            break;
        default:
            if (ret)
                *ret = false;
            break;
        }
    }
    QtPrivate::QSlotObjectBase *m_inner;
};

class Ordered final : public QRunnable
{
public:
    explicit Ordered(QRunnable *work)
        : m_work(work)
    {
        setAutoDelete(true);
    }
    void run() override
    {
        acquire();
        m_work->run();
        if (m_work->autoDelete())
            delete m_work;
        release();
    }

private:
    QRunnable *m_work;
};

} // namespace

// The definitions below replace Qt's for calls from our code, and forward to them. Their mangled
// names are those libQt6Core.so.6 exports (nm -D).

extern "C" bool clev_tsan_invokeMethodImpl(QObject *object, void *slot, Qt::ConnectionType type, void *ret) __asm__(
    "_ZN11QMetaObject16invokeMethodImplEP7QObjectPN9QtPrivate15QSlotObjectBaseEN2Qt14ConnectionTypeEPv");
extern "C" bool clev_tsan_invokeMethodImpl(QObject *object, void *slot, Qt::ConnectionType type, void *ret)
{
    using Fn = bool (*)(QObject *, void *, Qt::ConnectionType, void *);
    static const Fn real =
        next<Fn>("_ZN11QMetaObject16invokeMethodImplEP7QObjectPN9QtPrivate15QSlotObjectBaseEN2Qt14ConnectionTypeEPv");
    auto *inner = static_cast<QtPrivate::QSlotObjectBase *>(slot);
    auto *ordered = inner ? new OrderedSlot(inner) : nullptr;
    release();
    // Queued to another thread, nothing of ours runs in Qt on this one; what Qt allocates there (the
    // event, which the receiving thread deletes) is not recorded: a thread that is still starting gets
    // the event without a wake-up to order it by.
    const bool queued = type == Qt::QueuedConnection || type == Qt::BlockingQueuedConnection;
    if (queued)
        AnnotateIgnoreWritesBegin(__FILE__, __LINE__);
    const bool ok = real(object, ordered, type, ret);
    if (queued)
        AnnotateIgnoreWritesEnd(__FILE__, __LINE__);
    acquire();
    release();
    return ok;
}

extern "C" void clev_tsan_activate(QObject *sender, const QMetaObject *meta, int index,
                                   void **argv) __asm__("_ZN11QMetaObject8activateEP7QObjectPKS_iPPv");
extern "C" void clev_tsan_activate(QObject *sender, const QMetaObject *meta, int index, void **argv)
{
    using Fn = void (*)(QObject *, const QMetaObject *, int, void **);
    static const Fn real = next<Fn>("_ZN11QMetaObject8activateEP7QObjectPKS_iPPv");
    release();
    real(sender, meta, index, argv);
    acquire();
    release();
}

extern "C" void clev_tsan_poolStart(QThreadPool *pool, QRunnable *runnable,
                                    int priority) __asm__("_ZN11QThreadPool5startEP9QRunnablei");
extern "C" void clev_tsan_poolStart(QThreadPool *pool, QRunnable *runnable, int priority)
{
    using Fn = void (*)(QThreadPool *, QRunnable *, int);
    static const Fn real = next<Fn>("_ZN11QThreadPool5startEP9QRunnablei");
    QRunnable *ordered = runnable ? new Ordered(runnable) : nullptr;
    release();
    real(pool, ordered, priority);
}

// std::function is passed by value, which the C++ ABI does through a pointer to the caller's copy. The
// runnable is made here (Qt would make its own after the release) and given to start(QRunnable *).
extern "C" void clev_tsan_poolStartFunction(QThreadPool *pool, std::function<void()> *work,
                                            int priority) __asm__("_ZN11QThreadPool5startESt8functionIFvvEEi");
extern "C" void clev_tsan_poolStartFunction(QThreadPool *pool, std::function<void()> *work, int priority)
{
    using Fn = void (*)(QThreadPool *, QRunnable *, int);
    static const Fn real = next<Fn>("_ZN11QThreadPool5startEP9QRunnablei");
    QRunnable *runnable = new Ordered(QRunnable::create(std::move(*work)));
    release();
    real(pool, runnable, priority);
}

// glib's wake-up of a thread's event loop, which postEvent calls once the event is queued.
extern "C" void g_main_context_wakeup(void *context)
{
    using Fn = void (*)(void *);
    static const Fn real = next<Fn>("g_main_context_wakeup");
    release();
    real(context);
}

extern "C" bool clev_tsan_poolWait(QThreadPool *pool, int msecs) __asm__("_ZN11QThreadPool11waitForDoneEi");
extern "C" bool clev_tsan_poolWait(QThreadPool *pool, int msecs)
{
    using Fn = bool (*)(QThreadPool *, int);
    static const Fn real = next<Fn>("_ZN11QThreadPool11waitForDoneEi");
    const bool done = real(pool, msecs);
    acquire();
    return done;
}

extern "C" bool clev_tsan_threadWait(QThread *thread,
                                     QDeadlineTimer deadline) __asm__("_ZN7QThread4waitE14QDeadlineTimer");
extern "C" bool clev_tsan_threadWait(QThread *thread, QDeadlineTimer deadline)
{
    using Fn = bool (*)(QThread *, QDeadlineTimer);
    static const Fn real = next<Fn>("_ZN7QThread4waitE14QDeadlineTimer");
    const bool done = real(thread, deadline);
    acquire();
    return done;
}
