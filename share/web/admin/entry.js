/* entry.js: paper entry in the console. After a digit 1-4 in an answer
 * box, the focus moves to the next box (after the last one, to the
 * profile). Nothing else: the form works the same without this script. */
(function () {
	'use strict';
	var form = document.querySelector('form.entry-form');
	if (!form) {
		return;
	}
	var boxes = Array.prototype.slice.call(form.querySelectorAll('input.entry-digit'));
	var after = form.querySelector('[data-after-answers]');
	boxes.forEach(function (box, i) {
		box.addEventListener('input', function () {
			if (!/^[1-4]$/.test(box.value)) {
				return;
			}
			var next = i + 1 < boxes.length ? boxes[i + 1] : after;
			if (next) {
				next.focus();
				if (next.select) {
					next.select();
				}
			}
		});
	});
})();
