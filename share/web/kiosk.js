/* kiosk.js: the kiosk screens of a unit (kiosk.html). One question per
 * screen with four face buttons; choosing one goes on by itself. Then the
 * optional profile and suggestion, Kirim, and a thank-you screen that
 * returns to the start. A survey left untouched for data.reset seconds is
 * discarded. A completed response goes to the outbox (kiosk-outbox.js)
 * first, then to the server; the outbox is flushed on load, when the
 * browser comes online, every data.flush seconds and by the service
 * worker. The status line tells staff what is still waiting. Everything
 * the page says comes from the data block, Indonesian first. */
/* global IkmOutbox */
(function () {
	"use strict";

	var data = JSON.parse(document.getElementById("kiosk-data").textContent);
	var main = document.getElementById("kiosk");
	var statusLine = document.getElementById("kiosk-status");
	var K = data.questions.length;
	var PROFILE = K, SUGGESTION = K + 1, THANKS = K + 2, START = -1;
	var lang = data.lang === "en" ? 1 : 0;
	var storageOk = !!self.indexedDB;
	var offline = false;
	var state, idleTimer = null, thanksTimer = null;

	function fresh() {
		state = { step: START, answers: [], gender: "", age: "", education: "", job: "",
			suggestion: "", ticket: "" };
	}

	/* A word in the current language, {name} replaced from vars. */
	function w(key, vars) {
		var s = data.words[key][lang];

		Object.keys(vars || {}).forEach(function (k) {
			s = s.replace("{" + k + "}", String(vars[k]));
		});
		return s;
	}

	/* An element: attributes (on* are listeners) and children (text or
	 * nodes). Text is always set as text, never as markup. */
	function el(tag, attrs, kids) {
		var e = document.createElement(tag);

		Object.keys(attrs || {}).forEach(function (k) {
			var v = attrs[k];

			if (k.slice(0, 2) === "on")
				e.addEventListener(k.slice(2), v);
			else if (v === true)
				e.setAttribute(k, "");
			else if (v !== false && v !== null && v !== undefined)
				e.setAttribute(k, String(v));
		});
		(kids || []).forEach(function (c) {
			if (c !== null && c !== undefined)
				e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
		});
		return e;
	}

	function button(label, cls, onclick, extra) {
		var a = { type: "button", "class": cls, onclick: onclick };

		Object.keys(extra || {}).forEach(function (k) {
			a[k] = extra[k];
		});
		return el("button", a, [label]);
	}

	function go(step) {
		state.step = step;
		render();
	}

	/* ---- screens ---- */

	function startScreen() {
		var where = data.unit_name + (data.service_name ? " \u00b7 " + data.service_name : "");

		return [
			el("p", { "class": "k-org" }, [data.org]),
			el("h1", { tabindex: "-1" }, [w("title")]),
			el("p", { "class": "k-unit" }, [where]),
			el("p", {}, [w("start_hint")]),
			button(w("start"), "k-primary k-start", start, { id: "k-start" }),
			button(w("other_lang"), "k-link", switchLang,
				{ id: "k-lang", lang: lang ? "id" : "en" })
		];
	}

	function questionScreen(i) {
		var q = data.questions[i];
		var faces = q.labels.map(function (label, o) {
			var v = o + 1;

			return button(null, "k-face", function () {
				choose(v);
			}, { "data-value": v, "aria-pressed": state.answers[i] === v ? "true" : "false" });
		});

		faces.forEach(function (b, o) {
			b.appendChild(el("img", { src: "/static/face-" + (o + 1) + ".svg", alt: "",
				width: 64, height: 64 }));
			b.appendChild(el("span", {}, [q.labels[o][lang]]));
		});
		return [
			el("p", { "class": "k-progress", id: "k-progress" },
				[w("progress", { n: i + 1, k: K })]),
			el("progress", { max: K, value: i + 1, "aria-hidden": "true" }),
			el("h1", { id: "k-question", tabindex: "-1" }, [q.text[lang]]),
			el("div", { "class": "k-faces", role: "group", "aria-labelledby": "k-question" },
				faces),
			el("div", { "class": "k-nav" }, [button(w("back"), "k-secondary", back)])
		];
	}

	/* A group of radio options (.option of ikm.css). */
	function radios(name, legend, options, chosen, cls) {
		return el("fieldset", { "class": "k-field" }, [
			el("legend", {}, [legend]),
			el("div", { "class": cls }, options.map(function (o) {
				var id = "k-" + name + "-" + o.value.replace(/[^A-Za-z0-9]/g, "");

				return el("label", { "class": "option", "for": id }, [
					el("input", { type: "radio", id: id, name: name, value: o.value,
						checked: chosen === o.value }),
					el("span", {}, [o.label])
				]);
			}))
		]);
	}

	function profileScreen() {
		var genders = [{ value: "L", label: w("male") }, { value: "P", label: w("female") }];
		var edus = data.educations.map(function (e) {
			return { value: e, label: e };
		});
		var jobs = data.jobs.map(function (j) {
			return { value: j.value, label: j.label[lang] };
		});

		return [
			el("h1", { tabindex: "-1" }, [w("profile")]),
			el("p", { "class": "hint" }, [w("profile_hint")]),
			radios("gender", w("gender"), genders, state.gender, "inline"),
			el("label", { "for": "k-age" }, [w("age")]),
			el("p", { "class": "field-error", id: "k-age-error", hidden: true },
				[w("age_bad")]),
			el("input", { type: "number", id: "k-age", min: 10, max: 120,
				inputmode: "numeric", value: state.age }),
			radios("education", w("education"), edus, state.education, "k-grid"),
			radios("job", w("job"), jobs, state.job, "k-grid"),
			el("div", { "class": "k-nav" }, [
				button(w("back"), "k-secondary", back),
				button(w("skip"), "k-secondary", skipProfile, { id: "k-skip" }),
				button(w("next"), "k-primary", saveProfile, { id: "k-next" })
			])
		];
	}

	/* The queue ticket (ikm serve --tickets): asked with the suggestion. */
	function ticketField() {
		if (data.tickets !== "optional" && data.tickets !== "required")
			return [];
		return [
			el("label", { "for": "k-ticket" },
				[w(data.tickets === "required" ? "ticket" : "ticket_optional")]),
			el("p", { "class": "hint", id: "k-ticket-hint" }, [w("ticket_hint")]),
			el("p", { "class": "field-error", id: "k-ticket-error", role: "alert",
				hidden: "hidden" }, []),
			el("input", { type: "text", id: "k-ticket", maxlength: 64, autocomplete: "off",
				autocapitalize: "characters", spellcheck: "false",
				"aria-describedby": "k-ticket-hint", value: state.ticket || "" }, [])
		];
	}

	/* A ticket as the server reads it: letters and digits, blanks - / . ignored. */
	function ticketProblem(t) {
		var norm = t.replace(/[ \t\-\/.]/g, "");
		if (!norm)
			return data.tickets === "required" ? "ticket_missing" : null;
		return /^[A-Za-z0-9]{1,32}$/.test(norm) ? null : "ticket_bad";
	}

	function suggestionScreen() {
		return ticketField().concat([
			el("h1", { tabindex: "-1" }, [el("label", { "for": "k-suggestion" },
				[w("suggestion")])]),
			el("textarea", { id: "k-suggestion", rows: 5, maxlength: 2000 },
				[state.suggestion]),
			el("p", { "class": "consent" }, [w("consent")]),
			el("div", { "class": "k-nav" }, [
				button(w("back"), "k-secondary", back),
				button(w("submit"), "k-primary", submit, { id: "k-submit" })
			])
		]);
	}

	function thanksScreen() {
		return [
			el("img", { src: "/static/face-4.svg", alt: "", width: 96, height: 96,
				"class": "k-thanks-face" }),
			el("h1", { tabindex: "-1" }, [w("thanks")]),
			el("p", {}, [w("thanks_text")]),
			button(w("done"), "k-primary", reset, { id: "k-done" })
		];
	}

	function render() {
		var s = state.step;
		var kids = s === START ? startScreen()
			: s < K ? questionScreen(s)
			: s === PROFILE ? profileScreen()
			: s === SUGGESTION ? suggestionScreen() : thanksScreen();
		var focus;

		main.textContent = "";
		main.appendChild(el("section", { "class": "k-screen", "data-step": s === START ?
			"start" : s < K ? "question" : s === PROFILE ? "profile" :
			s === SUGGESTION ? "suggestion" : "thanks" }, kids));
		focus = main.querySelector(s === START ? "#k-start" : "h1");
		if (focus)
			focus.focus({ preventScroll: false });
		window.scrollTo(0, 0);
		bump();
	}

	/* ---- actions ---- */

	function start() {
		var d = document.documentElement;

		/* Full screen where the browser allows it (a tap is needed). */
		if (d.requestFullscreen && !document.fullscreenElement)
			d.requestFullscreen().catch(function () {});
		go(0);
	}

	function switchLang() {
		lang = 1 - lang;
		document.documentElement.lang = lang ? "en" : "id";
		render();
		showStatus();
	}

	function choose(v) {
		state.answers[state.step] = v;
		go(state.step + 1);
	}

	function back() {
		if (state.step === PROFILE)
			readProfile();
		if (state.step === SUGGESTION)
			state.suggestion = document.getElementById("k-suggestion").value;
		if (state.step <= 0)
			reset();
		else
			go(state.step - 1);
	}

	function checked(name) {
		var c = main.querySelector("input[name=" + name + "]:checked");

		return c ? c.value : "";
	}

	function readProfile() {
		state.gender = checked("gender");
		state.education = checked("education");
		state.job = checked("job");
		state.age = document.getElementById("k-age").value.trim();
	}

	function saveProfile() {
		var n;

		readProfile();
		n = Number(state.age);
		if (state.age !== "" && !(/^[0-9]+$/.test(state.age) && n >= 10 && n <= 120)) {
			document.getElementById("k-age-error").hidden = false;
			document.getElementById("k-age").setAttribute("aria-describedby", "k-age-error");
			document.getElementById("k-age").focus();
			return;
		}
		go(SUGGESTION);
	}

	function skipProfile() {
		state.gender = state.age = state.education = state.job = "";
		go(SUGGESTION);
	}

	/* Today in the organisation's time zone (the survey date). */
	/* The suggestion as the server takes it: no control character but
	 * line ends and tabs (text pasted from elsewhere may carry one), at
	 * most 2,000 bytes of UTF-8, cut between characters; a response the
	 * server refused would be lost. */
	function cleanSuggestion(s) {
		var bytes = 0, i, c, n;

		s = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, " ").trim();
		for (i = 0; i < s.length; i += n) {
			c = s.charCodeAt(i);
			n = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
			bytes += n === 2 ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
			if (bytes > 2000)
				return s.slice(0, i).trim();
		}
		return s;
	}

	function today() {
		return new Date(Date.now() + data.zone_hours * 3600000).toISOString().slice(0, 10);
	}

	function submit() {
		var id = IkmOutbox.newId();
		var body = { unit: data.unit, client_id: id, date: today(), answers: {} };
		var profile = {};
		var item;

		state.suggestion = cleanSuggestion(document.getElementById("k-suggestion").value);
		if (document.getElementById("k-ticket")) {
			var problem;

			state.ticket = document.getElementById("k-ticket").value.trim();
			problem = ticketProblem(state.ticket);
			if (problem) {
				var e = document.getElementById("k-ticket-error");

				e.textContent = w(problem);
				e.hidden = false;
				document.getElementById("k-ticket").focus();
				return;
			}
		}
		if (data.service)
			body.service = data.service;
		data.questions.forEach(function (q, i) {
			body.answers[q.code] = state.answers[i];
		});
		if (state.gender)
			profile.gender = state.gender;
		if (state.age)
			profile.age = Number(state.age);
		if (state.education)
			profile.education = state.education;
		if (state.job)
			profile.job = state.job;
		if (Object.keys(profile).length)
			body.profile = profile;
		if (state.suggestion)
			body.suggestion = state.suggestion;
		if (state.ticket)
			body.ticket = state.ticket;
		item = { id: id, url: data.post, body: body, created: Date.now() };
		document.getElementById("k-submit").disabled = true;
		/* Kept on the device first; only then sent. */
		IkmOutbox.add(item).then(function () {
			go(THANKS);
			requestSync();
			flush();
		}, function () {
			storageOk = false;
			go(THANKS);
			IkmOutbox.send(item).then(showStatus);
		});
	}

	function reset() {
		clearTimeout(thanksTimer);
		fresh();
		render();
	}

	/* A touch or key: the inactivity clock starts again. */
	function bump() {
		clearTimeout(idleTimer);
		clearTimeout(thanksTimer);
		if (state.step === THANKS)
			thanksTimer = setTimeout(reset, data.thanks * 1000);
		else if (state.step !== START)
			idleTimer = setTimeout(reset, data.reset * 1000);
	}

	/* ---- delivery and the staff status line ---- */

	function showStatus() {
		if (!storageOk) {
			statusLine.textContent = w("no_storage");
			return Promise.resolve();
		}
		return IkmOutbox.counts().then(function (c) {
			var parts = [c.pending > 0 ? w("pending", { n: c.pending }) : w("all_sent")];

			if (c.pending > 0 && offline)
				parts.push(w("offline"));
			if (c.dropped > 0)
				parts.push(w("dropped", { n: c.dropped }));
			statusLine.textContent = parts.join(" \u00b7 ");
			statusLine.setAttribute("data-pending", c.pending);
			statusLine.setAttribute("data-dropped", c.dropped);
		}, function () {
			storageOk = false;
			statusLine.textContent = w("no_storage");
		});
	}

	function flush() {
		if (!storageOk)
			return Promise.resolve();
		return IkmOutbox.flush().then(function (r) {
			if (r.busy) /* the worker is at it: look again soon */
				setTimeout(flush, 2000);
			else
				offline = r.offline;
		}).catch(function () {}).then(showStatus);
	}

	function requestSync() {
		if ("serviceWorker" in navigator)
			navigator.serviceWorker.ready.then(function (reg) {
				return reg.sync && reg.sync.register(IkmOutbox.SYNC_TAG);
			}).catch(function () {});
	}

	function startWorker() {
		if (!("serviceWorker" in navigator))
			return;
		navigator.serviceWorker.register("/kiosk-sw.js").catch(function () {});
		/* This page into the worker's cache, for a reload offline (the
		 * first visit was not yet under the worker). */
		navigator.serviceWorker.ready.then(function () {
			return self.caches && caches.open(IkmOutbox.CACHE).then(function (c) {
				return c.add(location.href);
			});
		}).catch(function () {});
		navigator.serviceWorker.addEventListener("message", function (e) {
			if (e.data && e.data.type === "ikm-kiosk-outbox")
				showStatus();
		});
	}

	document.addEventListener("pointerdown", bump, true);
	document.addEventListener("keydown", function (e) {
		bump();
		/* Keys 1 to 4 answer a question. */
		if (state.step >= 0 && state.step < K && /^[1-4]$/.test(e.key) &&
		    !e.altKey && !e.ctrlKey && !e.metaKey)
			choose(Number(e.key));
	}, true);
	document.addEventListener("input", bump, true);
	window.addEventListener("online", flush);
	setInterval(flush, data.flush * 1000);

	document.documentElement.lang = lang ? "en" : "id";
	fresh();
	render();
	startWorker();
	flush();
})();
