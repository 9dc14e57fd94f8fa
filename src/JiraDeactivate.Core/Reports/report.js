(function () {
  'use strict';
  // Every value reaches the page through textContent, never as markup: names and emails are user-controlled.
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var rows = data.rows;
  var ROW_HEIGHT = 28;
  var PRINT_LIMIT = 5000;
  var NAME = 0, EMAIL = 1, PRODUCT = 2, SITE = 3, LAST = 4, DAYS = 5, SOURCE = 6, ID = 7, PLAN = 8;
  var lookups = {};
  lookups[PRODUCT] = data.products; lookups[SITE] = data.sites; lookups[SOURCE] = data.sources;
  var viewport = document.getElementById('viewport');
  var body = document.getElementById('rows');
  var filter = document.getElementById('filter');
  var count = document.getElementById('count');
  var table = document.getElementById('users');
  var headers = table.querySelectorAll('thead th[data-column]');
  // The selection: every row starts ticked; the reviewer unticks the users to keep.
  var download = document.getElementById('download');
  var pickAll = document.getElementById('pick-all');
  var selected = document.getElementById('selected');
  var selectable = download !== null && data.planColumns.length > 0;
  var picked = new Uint8Array(rows.length).fill(1);
  var pickedCount = rows.length;
  var COLUMNS = ID + 1 + (selectable ? 1 : 0);
  var order = [];
  var view = [];
  var haystack = null;
  var sortColumn = -1, sortDescending = false;
  var query = '';
  var printing = false;

  function text(row, column) {
    var value = row[column];
    if (lookups[column]) { return lookups[column][value] || ''; }
    if (column === LAST) { return value === null ? 'never' : value; }
    if (column === DAYS) { return value === null ? '' : String(value); }
    return value === null ? '' : value;
  }

  function key(row, column) {
    var value = row[column];
    if (column === DAYS) { return value; }
    if (column === LAST) { return value === null ? '' : value; }
    if (lookups[column]) { return (lookups[column][value] || '').toLowerCase(); }
    return value === null ? null : value.toLowerCase();
  }

  function buildHaystack() {
    haystack = new Array(rows.length);
    for (var i = 0; i < rows.length; i++) {
      var parts = [];
      for (var c = 0; c <= ID; c++) { parts.push(text(rows[i], c)); }
      haystack[i] = parts.join('\u0001').toLowerCase();
    }
  }

  function sortOrder() {
    order = new Array(rows.length);
    for (var i = 0; i < rows.length; i++) { order[i] = i; }
    if (sortColumn < 0) { return; }
    var keys = new Array(rows.length);
    for (var j = 0; j < rows.length; j++) { keys[j] = key(rows[j], sortColumn); }
    var direction = sortDescending ? -1 : 1;
    order.sort(function (a, b) {
      var x = keys[a], y = keys[b];
      if (x === y) { return a - b; }
      if (x === null) { return 1; }
      if (y === null) { return -1; }
      return (x < y ? -1 : 1) * direction;
    });
  }

  function applyFilter() {
    var terms = query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
    if (terms.length === 0) { view = order; return; }
    if (haystack === null) { buildHaystack(); }
    view = [];
    for (var i = 0; i < order.length; i++) {
      var hay = haystack[order[i]], match = true;
      for (var t = 0; t < terms.length && match; t++) { match = hay.indexOf(terms[t]) >= 0; }
      if (match) { view.push(order[i]); }
    }
  }

  function padRow(height) {
    var tr = document.createElement('tr');
    tr.className = 'pad';
    var td = document.createElement('td');
    td.colSpan = COLUMNS;
    td.style.height = height + 'px';
    tr.appendChild(td);
    return tr;
  }

  function dataRow(index) {
    var row = rows[index];
    var tr = document.createElement('tr');
    tr.className = 'r';
    if (selectable) {
      var pick = document.createElement('td');
      pick.className = 'pick';
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = picked[index] === 1;
      box.setAttribute('data-row', String(index));
      box.setAttribute('aria-label', 'Remove the access of ' + (row[NAME] || row[ID]));
      pick.appendChild(box);
      tr.appendChild(pick);
    }
    for (var c = 0; c <= ID; c++) {
      var td = document.createElement('td');
      var value = text(row, c);
      td.textContent = value;
      td.title = value;
      if (c === DAYS) { td.className = 'n'; }
      tr.appendChild(td);
    }
    return tr;
  }

  function render() {
    var first = 0, last = view.length;
    if (!printing) {
      var visible = Math.ceil((viewport.clientHeight || 600) / ROW_HEIGHT) + 10;
      first = Math.max(0, Math.floor(viewport.scrollTop / ROW_HEIGHT) - 5);
      last = Math.min(view.length, first + visible);
    } else {
      last = Math.min(view.length, PRINT_LIMIT);
    }
    var fragment = document.createDocumentFragment();
    if (first > 0) { fragment.appendChild(padRow(first * ROW_HEIGHT)); }
    for (var i = first; i < last; i++) { fragment.appendChild(dataRow(view[i])); }
    if (!printing && last < view.length) { fragment.appendChild(padRow((view.length - last) * ROW_HEIGHT)); }
    if (view.length === 0) {
      var tr = document.createElement('tr'), td = document.createElement('td');
      td.colSpan = COLUMNS; td.className = 'empty';
      td.textContent = rows.length === 0 ? 'No inactive users in this report.' : 'No user matches the filter.';
      tr.appendChild(td); fragment.appendChild(tr);
    }
    body.replaceChildren(fragment);
    var shown = view.length.toLocaleString('en-US') + ' of ' + rows.length.toLocaleString('en-US') + ' users';
    count.textContent = printing && view.length > last ? 'First ' + last.toLocaleString('en-US') + ' of ' + shown : shown;
    showSelection();
  }

  function showSelection() {
    if (!selectable) { return; }
    selected.textContent = pickedCount.toLocaleString('en-US') + ' of ' + rows.length.toLocaleString('en-US') + ' ticked';
    download.disabled = pickedCount === 0;
    var inView = 0;
    for (var i = 0; i < view.length; i++) { inView += picked[view[i]]; }
    pickAll.checked = view.length > 0 && inView === view.length;
    pickAll.indeterminate = inView > 0 && inView < view.length;
  }

  function pickRow(index, on) {
    var value = on ? 1 : 0;
    if (picked[index] !== value) { pickedCount += on ? 1 : -1; picked[index] = value; }
  }

  // RFC 4180 as Export-Csv writes it: every field quoted, quotes doubled. Values are the input's, never changed here
  // (the module already gave names and emails that start like a formula their leading apostrophe).
  function csvField(value) { return '"' + value.replace(/"/g, '""') + '"'; }

  function planCsv() {
    var lines = [data.planColumns.map(csvField).join(',')];
    for (var i = 0; i < rows.length; i++) {
      if (picked[i] !== 1) { continue; }
      var plan = rows[i][PLAN];
      var fields = new Array(data.planColumns.length);
      for (var c = 0; c < fields.length; c++) { fields[c] = csvField(plan[c] < 0 ? '' : data.planValues[plan[c]]); }
      lines.push(fields.join(','));
    }
    return lines.join('\r\n') + '\r\n';
  }

  function downloadPlan() {
    // A byte order mark, so that a spreadsheet reads the names right; Import-Csv skips it.
    var blob = new Blob(['\ufeff' + planCsv()], { type: 'text/csv;charset=utf-8' });
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = data.planFile;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
    selected.textContent = 'Downloaded ' + pickedCount.toLocaleString('en-US') + ' rows as ' + data.planFile;
  }

  function refresh() {
    applyFilter();
    viewport.scrollTop = 0;
    render();
  }

  function sortBy(column) {
    if (sortColumn === column) { sortDescending = !sortDescending; } else { sortColumn = column; sortDescending = column === DAYS; }
    for (var h = 0; h < headers.length; h++) { headers[h].removeAttribute('aria-sort'); }
    headers[column].setAttribute('aria-sort', sortDescending ? 'descending' : 'ascending');
    table.setAttribute('data-sort', column + (sortDescending ? ':desc' : ':asc'));
    sortOrder();
    refresh();
  }

  for (var h = 0; h < headers.length; h++) {
    headers[h].querySelector('button').addEventListener('click', sortBy.bind(null, h));
  }
  if (selectable) {
    body.addEventListener('change', function (event) {
      var index = event.target.getAttribute('data-row');
      if (index === null) { return; }
      pickRow(Number(index), event.target.checked);
      showSelection();
    });
    pickAll.addEventListener('change', function () {
      for (var i = 0; i < view.length; i++) { pickRow(view[i], pickAll.checked); }
      render();
    });
    download.addEventListener('click', downloadPlan);
  } else if (pickAll !== null) {
    pickAll.disabled = true;
  }
  filter.addEventListener('input', function () { query = filter.value; refresh(); });
  viewport.addEventListener('scroll', function () { if (!printing) { render(); } });
  window.addEventListener('resize', render);
  window.addEventListener('beforeprint', function () { printing = true; render(); });
  window.addEventListener('afterprint', function () { printing = false; render(); });

  sortOrder();
  query = filter.value;
  applyFilter();
  render();
  document.documentElement.setAttribute('data-ready', 'true');
})();
