/* kiosk-sw.js: the service worker of the kiosk, served at /kiosk-sw.js so
 * that its scope covers the kiosk pages under /u/. It keeps the kiosk
 * page, its script, styles and face icons in a cache so that the kiosk
 * reloads with the network down (network first, the cache when the
 * network fails), and flushes the outbox (kiosk-outbox.js) on a
 * Background Sync where the browser has it; the page's own timer is the
 * fallback. Questionnaire POSTs go to the network untouched. */
/* global IkmOutbox */
"use strict";

importScripts("/static/kiosk-outbox.js");

var NETWORK_TIMEOUT_MS = 5000;

self.addEventListener("install", function (e) {
	e.waitUntil(caches.open(IkmOutbox.CACHE).then(function (c) {
		return c.addAll(IkmOutbox.ASSETS);
	}).then(function () {
		return self.skipWaiting();
	}));
});

self.addEventListener("activate", function (e) {
	e.waitUntil(caches.keys().then(function (keys) {
		return Promise.all(keys.filter(function (k) {
			return k.indexOf("ikm-kiosk-") === 0 && k !== IkmOutbox.CACHE;
		}).map(function (k) {
			return caches.delete(k);
		}));
	}).then(function () {
		return self.clients.claim();
	}));
});

/* A kiosk page, its manifest, or one of the assets. */
function kept(url) {
	return url.origin === self.location.origin &&
	       (/^\/u\/[a-z0-9-]+(\/[a-z0-9-]+)?\/kiosk(\.webmanifest)?$/.test(url.pathname) ||
	        IkmOutbox.ASSETS.indexOf(url.pathname) >= 0);
}

function networkFirst(req) {
	return caches.open(IkmOutbox.CACHE).then(function (cache) {
		var ctl = new AbortController();
		var timer = setTimeout(function () {
			ctl.abort();
		}, NETWORK_TIMEOUT_MS);

		return fetch(req, { signal: ctl.signal }).then(function (res) {
			clearTimeout(timer);
			if (res.ok)
				cache.put(req, res.clone());
			return res;
		}, function (err) {
			clearTimeout(timer);
			return cache.match(req).then(function (hit) {
				if (hit)
					return hit;
				throw err;
			});
		});
	});
}

self.addEventListener("fetch", function (e) {
	if (e.request.method !== "GET" || !kept(new URL(e.request.url)))
		return;
	e.respondWith(networkFirst(e.request));
});

/* Tell the kiosk pages to show the outbox's counts again. */
function tell() {
	return self.clients.matchAll({ type: "window" }).then(function (list) {
		list.forEach(function (c) {
			c.postMessage({ type: "ikm-kiosk-outbox" });
		});
	});
}

self.addEventListener("sync", function (e) {
	if (e.tag !== IkmOutbox.SYNC_TAG)
		return;
	e.waitUntil(IkmOutbox.flush().then(function (r) {
		return tell().then(function () {
			/* Still offline: a rejection asks the browser to retry. */
			if (r.offline)
				throw new Error("server unreachable");
		});
	}));
});
