//! Event listeners and timers that own their closures and let go of them on drop, as gloo's
//! `EventListener` and `Timeout` do: no closure is ever leaked, nothing left behind on unmount.

use core::sync::atomic::{AtomicUsize, Ordering};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget};

/// Listeners and timers alive now, across all explainers; tests count them to prove that
/// unmounting removes everything.
static LIVE: AtomicUsize = AtomicUsize::new(0);

/// How many listeners and pending timers the explainers hold right now.
pub fn live_count() -> usize {
    LIVE.load(Ordering::Relaxed)
}

/// An event listener, removed from its target when dropped.
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    callback: Closure<dyn Fn(Event)>,
}

impl Listener {
    /// Listens for `kind` events on `target`. A `Fn`, not an `FnMut`: wasm-bindgen refuses to
    /// enter an `FnMut` closure that is already running ("closure invoked recursively"), which
    /// an event caused by its own handler would do.
    pub fn new(
        target: &EventTarget,
        kind: &'static str,
        callback: impl Fn(Event) + 'static,
    ) -> Listener {
        let callback = Closure::<dyn Fn(Event)>::new(callback);
        // Adding a listener only fails on a target that is not an EventTarget, which the type rules out.
        let _ = target.add_event_listener_with_callback(kind, callback.as_ref().unchecked_ref());
        LIVE.fetch_add(1, Ordering::Relaxed);
        Listener {
            target: target.clone(),
            kind,
            callback,
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.callback.as_ref().unchecked_ref());
        LIVE.fetch_sub(1, Ordering::Relaxed);
    }
}

/// A one-shot timer, cancelled when dropped.
pub struct Timeout {
    handle: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Timeout {
    /// Calls `callback` once after `millis` milliseconds, unless dropped first.
    pub fn new(millis: i32, callback: impl FnOnce() + 'static) -> Option<Timeout> {
        let callback = Closure::once(callback);
        let window = web_sys::window()?;
        let handle = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                millis,
            )
            .ok()?;
        LIVE.fetch_add(1, Ordering::Relaxed);
        Some(Timeout {
            handle,
            _callback: callback,
        })
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.handle);
        }
        LIVE.fetch_sub(1, Ordering::Relaxed);
    }
}
