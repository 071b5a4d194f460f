/* kiosk-outbox.js: the kiosk's outbox of completed responses, kept in
 * IndexedDB on the device until the server has them. Loaded by the page
 * (kiosk.js) and by the service worker (kiosk-sw.js, importScripts), which
 * both flush it.
 *
 * Exactly once: a response gets a random client id and is written to the
 * outbox before anything is sent. It leaves the outbox only when the
 * server answered 201 (stored) or 200 (stored before: a duplicate of the
 * same client id), or refused it for good (409 no open period, 422
 * invalid: counted as dropped, for staff to see). A network error, 429 or
 * 5xx keeps it for the next flush; the server stores a client id once, so
 * a reply lost on the way only means one harmless resend. Two flushers at
 * once (page and worker) are kept apart by a Web Lock where there is one. */
(function (g) {
	"use strict";

	var DB_NAME = "ikm-kiosk";
	var DB_VERSION = 1;
	var OUTBOX = "outbox"; /* {id, url, body, created} by id */
	var META = "meta"; /* "dropped": how many were refused for good */
	var SEND_TIMEOUT_MS = 10000;
	var LOCK = "ikm-kiosk-flush";
	var busy = false; /* the lock where navigator.locks is missing */

	function open() {
		return new Promise(function (resolve, reject) {
			var r = g.indexedDB.open(DB_NAME, DB_VERSION);

			r.onupgradeneeded = function () {
				r.result.createObjectStore(OUTBOX, { keyPath: "id" });
				r.result.createObjectStore(META);
			};
			r.onsuccess = function () {
				resolve(r.result);
			};
			r.onerror = function () {
				reject(r.error);
			};
		});
	}

	/* Run fn(stores...) in one transaction; resolve with what fn's
	 * result() gives once the transaction has committed. */
	function inTx(names, mode, fn) {
		return open().then(function (db) {
			return new Promise(function (resolve, reject) {
				var t = db.transaction(names, mode);
				var result = fn.apply(null, names.map(function (n) {
					return t.objectStore(n);
				}));

				t.oncomplete = function () {
					db.close();
					resolve(result ? result() : undefined);
				};
				t.onerror = t.onabort = function () {
					db.close();
					reject(t.error);
				};
			});
		});
	}

	/* 32 hex digits from the browser's random source. */
	function newId() {
		var b = new Uint8Array(16);
		var s = "";

		g.crypto.getRandomValues(b);
		for (var i = 0; i < b.length; i++)
			s += (b[i] < 16 ? "0" : "") + b[i].toString(16);
		return s;
	}

	/* Keep item {id, url, body, created}; resolves once it is on disk. */
	function add(item) {
		return inTx([OUTBOX], "readwrite", function (box) {
			box.put(item);
		});
	}

	/* {pending, dropped} */
	function counts() {
		return inTx([OUTBOX, META], "readonly", function (box, meta) {
			var n = box.count();
			var d = meta.get("dropped");

			return function () {
				return { pending: n.result, dropped: d.result || 0 };
			};
		});
	}

	function all() {
		return inTx([OUTBOX], "readonly", function (box) {
			var r = box.getAll();

			return function () {
				return r.result.sort(function (a, b) {
					return a.created - b.created;
				});
			};
		});
	}

	/* Remove a delivered item; a dropped one is counted. */
	function remove(id, dropped) {
		return inTx([OUTBOX, META], "readwrite", function (box, meta) {
			box.delete(id);
			if (dropped) {
				var d = meta.get("dropped");

				d.onsuccess = function () {
					meta.put((d.result || 0) + 1, "dropped");
				};
			}
		});
	}

	/* Send one item: "sent" (stored or duplicate), "final" (refused for
	 * good), "later" (server unreachable or busy: stop for now) or "keep"
	 * (an answer not understood: keep it, go on with the next). */
	function send(item) {
		var ctl = new AbortController();
		var timer = setTimeout(function () {
			ctl.abort();
		}, SEND_TIMEOUT_MS);

		return fetch(item.url, {
			method: "POST",
			headers: { "Content-Type": "application/json" },
			body: JSON.stringify(item.body),
			credentials: "same-origin",
			cache: "no-store",
			signal: ctl.signal
		}).then(function (res) {
			return res.json().catch(function () {
				return null;
			}).then(function (j) {
				var ours = j !== null && typeof j === "object";

				if ((res.status === 200 || res.status === 201) && ours && j.stored === true)
					return "sent";
				if ((res.status === 409 || res.status === 422) && ours &&
				    typeof j.error === "string")
					return "final";
				/* 429, 5xx, or a 2xx that is not ours (a captive portal). */
				if (res.status === 429 || res.status >= 500 || res.ok)
					return "later";
				return "keep";
			});
		}, function () {
			return "later";
		}).finally(function () {
			clearTimeout(timer);
		});
	}

	function flushNow() {
		var r = { sent: 0, dropped: 0, kept: 0, offline: false };

		return all().then(function (items) {
			var i = 0;

			function next() {
				if (i >= items.length)
					return r;
				var it = items[i++];

				return send(it).then(function (how) {
					if (how === "sent")
						return remove(it.id, false).then(function () {
							r.sent++;
							return next();
						});
					if (how === "final")
						return remove(it.id, true).then(function () {
							r.dropped++;
							return next();
						});
					if (how === "later") {
						r.offline = true;
						r.kept += items.length - i + 1;
						return r;
					}
					r.kept++;
					return next();
				});
			}
			return next();
		});
	}

	/* Deliver what the outbox holds, oldest first. Resolves with {sent,
	 * dropped, kept, offline} or {busy: true} when another flush runs. */
	function flush() {
		if (g.navigator.locks && g.navigator.locks.request)
			return g.navigator.locks.request(LOCK, { ifAvailable: true }, function (lock) {
				return lock ? flushNow() : { busy: true };
			});
		if (busy)
			return Promise.resolve({ busy: true });
		busy = true;
		return flushNow().finally(function () {
			busy = false;
		});
	}

	g.IkmOutbox = {
		CACHE: "ikm-kiosk-v1",
		SYNC_TAG: "ikm-kiosk-outbox",
		/* What the worker keeps for a reload without the network. */
		ASSETS: ["/static/ikm.css", "/static/kiosk.css", "/static/kiosk.js",
			"/static/kiosk-outbox.js", "/static/face-1.svg", "/static/face-2.svg",
			"/static/face-3.svg", "/static/face-4.svg"],
		newId: newId,
		add: add,
		counts: counts,
		send: send,
		flush: flush
	};
})(self);
