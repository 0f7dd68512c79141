/**
 * The Microsoft 365 admin center's client-side router (plain JS, inlined): its own hash-routed SPA, not the portal
 * framework. `#/users` lists the active users; `#/users/:/UserDetails/<object id or UPN>[/<tab>]` opens a user's
 * details flyout over that list. Some links change the hash, others use history.pushState (no hashchange), as between
 * the real flyout's tabs.
 */
export const M365_APP_JS = String.raw`
(function () {
  var seed = JSON.parse(document.getElementById('portal-seed').textContent);
  var DETAILS = /^\/users\/:\/UserDetails\/([^/?#]+)(?:\/([A-Za-z]+))?/i;
  var TABS = [['Account', 'Account'], ['Devices', 'Devices'], ['LicensesAndApps', 'Licenses and apps'], ['Mail', 'Mail'], ['OneDrive', 'OneDrive']];
  var main = document.getElementById('m365-main');

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function pushTo(url) {
    history.pushState(null, '', url);
    render();
  }
  function link(text, url, mode, testId) {
    var a = el('a', { href: url, 'data-nav': mode, 'data-testid': testId || '' }, text);
    if (mode === 'pushState') {
      a.addEventListener('click', function (event) { event.preventDefault(); pushTo(url); });
    }
    return a;
  }
  function detailsUrl(ref, tab) {
    return '#/users/:/UserDetails/' + ref + (tab ? '/' + tab : '');
  }
  function findUser(ref) {
    var wanted;
    try { wanted = decodeURIComponent(ref).toLowerCase(); } catch (e) { return null; }
    return seed.users.find(function (u) { return u.id === wanted || u.userPrincipalName.toLowerCase() === wanted; }) || null;
  }
  function route() {
    var hash = location.hash.replace(/^#/, '');
    var match = DETAILS.exec(hash);
    if (match) return { name: 'user', ref: match[1], tab: match[2] || 'Account' };
    if (/^\/users\/?$/i.test(hash)) return { name: 'users' };
    return { name: 'home' };
  }
  function renderUsers() {
    var h = el('h1', { 'data-testid': 'blade-title' }, 'Active users');
    main.appendChild(h);
    var table = el('table', { id: 'm365-user-list', role: 'grid' });
    seed.users.forEach(function (user, index) {
      var row = el('tr', { 'data-user-id': user.id });
      var name = el('td', {});
      name.appendChild(link(user.displayName, detailsUrl(user.id), index % 2 === 0 ? 'hash' : 'pushState'));
      row.appendChild(name);
      row.appendChild(el('td', { class: 'upn' }, user.userPrincipalName));
      table.appendChild(row);
    });
    main.appendChild(table);
  }
  function renderFlyout(r) {
    var user = findUser(r.ref);
    var flyout = el('div', { class: 'ms-Panel ms-Panel-main', role: 'dialog', 'aria-label': 'User details', 'data-testid': 'user-flyout' });
    if (!user) {
      flyout.appendChild(el('h2', { 'data-testid': 'flyout-title' }, 'User not found'));
      main.appendChild(flyout);
      return;
    }
    flyout.setAttribute('data-user-id', user.id);
    flyout.appendChild(el('h2', { 'data-testid': 'flyout-title' }, user.displayName));
    flyout.appendChild(el('p', { class: 'upn' }, user.userPrincipalName));
    var tabs = el('div', { role: 'tablist', class: 'ms-Pivot' });
    TABS.forEach(function (tab, index) {
      var a = link(tab[1], detailsUrl(r.ref, tab[0]), index % 2 === 0 ? 'pushState' : 'hash', 'tab-' + tab[0]);
      a.setAttribute('role', 'tab');
      a.setAttribute('aria-selected', String(tab[0].toLowerCase() === r.tab.toLowerCase()));
      tabs.appendChild(a);
    });
    flyout.appendChild(tabs);
    flyout.appendChild(el('div', { class: 'ms-Panel-content', 'data-testid': 'flyout-tab' }, r.tab));
    var index = seed.users.indexOf(user);
    var next = seed.users[(index + 1) % seed.users.length];
    [[link('Next user: ' + next.displayName, detailsUrl(next.id), 'pushState', 'next-user')],
      [link('Next user by UPN: ' + next.displayName, detailsUrl(next.userPrincipalName), 'hash', 'next-user-upn')],
      [link('Close', '#/users', 'hash', 'close-flyout')]].forEach(function (links) {
      var p = el('p', {});
      links.forEach(function (a) { p.appendChild(a); });
      flyout.appendChild(p);
    });
    main.appendChild(flyout);
  }
  function render() {
    main.textContent = '';
    var r = route();
    main.setAttribute('data-route', r.name);
    if (r.name === 'home') {
      main.appendChild(el('h1', { 'data-testid': 'blade-title' }, 'Home'));
      main.appendChild(link('Active users', '#/users', 'hash', 'home-users'));
      document.title = 'Home - Microsoft 365 admin center';
      return;
    }
    renderUsers();
    if (r.name === 'user') renderFlyout(r);
    document.title = 'Active users - Microsoft 365 admin center';
  }
  window.addEventListener('hashchange', render);
  window.addEventListener('popstate', render);
  render();
})();
`;
