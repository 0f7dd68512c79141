/**
 * The portal's client-side router (plain JS, inlined). Hash-routed like the real admin center; some links change the
 * hash, others use history.pushState, which fires no hashchange (as between real blades).
 */
export const PORTAL_APP_JS = String.raw`
(function () {
  var seed = JSON.parse(document.getElementById('portal-seed').textContent);
  var GUID = '([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})';
  var USER_BLADE = new RegExp('^(?:view|blade)/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/([A-Za-z]+)/userId/' + GUID, 'i');
  var LEGACY_BLADE = new RegExp('^(?:view|blade)/Microsoft_AAD_IAM/UserDetailsMenuBlade/(?:~/)?([A-Za-z]+)/userId/' + GUID, 'i');
  var blade = document.getElementById('portal-blade');

  function userUrl(id, menu) {
    return '#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/' + menu + '/userId/' + id + '/hidePreviewBanner~/true';
  }
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
  function title(text) {
    var h = el('h1', { 'data-testid': 'blade-title', id: 'blade-title' }, text);
    blade.appendChild(h);
    document.title = text + ' - Microsoft Entra admin center';
  }
  function route() {
    var hash = location.hash.replace(/^#/, '').replace(/%7E/gi, '~').replace(/^@[^/]*\//, '');
    var match = USER_BLADE.exec(hash) || LEGACY_BLADE.exec(hash);
    if (match) return { name: 'user', menu: match[1], userId: match[2].toLowerCase() };
    if (/UserManagementMenuBlade\/(?:~\/)?AllUsers/i.test(hash)) return { name: 'allUsers' };
    if (/AuthenticationMethodsMenuBlade/i.test(hash)) return { name: 'policy' };
    return { name: 'home' };
  }
  function renderAllUsers() {
    title('Users');
    var list = el('ul', { id: 'portal-user-list' });
    seed.users.forEach(function (user, index) {
      var li = el('li', { 'data-user-id': user.id });
      li.appendChild(link(user.displayName, userUrl(user.id, 'overview'), index % 2 === 0 ? 'hash' : 'pushState'));
      li.appendChild(el('span', { class: 'upn' }, ' ' + user.userPrincipalName));
      list.appendChild(li);
    });
    blade.appendChild(list);
  }
  function renderUser(r) {
    var index = seed.users.findIndex(function (u) { return u.id === r.userId; });
    var user = seed.users[index];
    if (!user) { title('User not found'); return; }
    var authMethods = r.menu.toLowerCase() === 'userauthmethods';
    title(user.displayName + ' | ' + (authMethods ? 'Authentication methods' : 'Overview'));
    blade.setAttribute('data-user-id', user.id);
    var tabs = el('nav', { class: 'blade-tabs', 'aria-label': 'User menu' });
    tabs.appendChild(link('Overview', userUrl(user.id, 'overview'), 'hash', 'tab-overview'));
    tabs.appendChild(link('Authentication methods', userUrl(user.id, 'UserAuthMethods'), 'pushState', 'tab-auth-methods'));
    blade.appendChild(tabs);
    var fields = el('dl', { class: 'user-fields', 'data-testid': 'user-fields' });
    [['Display name', user.displayName], ['User principal name', user.userPrincipalName], ['Object ID', user.id], ['User type', user.userType]]
      .forEach(function (pair) { fields.appendChild(el('dt', {}, pair[0])); fields.appendChild(el('dd', {}, pair[1])); });
    blade.appendChild(fields);
    var next = seed.users[(index + 1) % seed.users.length];
    var nav = el('p', {});
    nav.appendChild(link('Next user: ' + next.displayName, userUrl(next.id, r.menu), 'pushState', 'next-user'));
    nav.appendChild(el('span', {}, ' '));
    nav.appendChild(link('Back to all users', '#view/Microsoft_AAD_UsersAndTenants/UserManagementMenuBlade/~/AllUsers', 'hash', 'back-to-users'));
    blade.appendChild(nav);
  }
  function render() {
    blade.textContent = '';
    blade.removeAttribute('data-user-id');
    var r = route();
    blade.setAttribute('data-route', r.name);
    if (r.name === 'user') renderUser(r);
    else if (r.name === 'allUsers') renderAllUsers();
    else if (r.name === 'policy') title('Authentication methods | Policies');
    else {
      title('Home');
      blade.appendChild(link('All users', '#view/Microsoft_AAD_UsersAndTenants/UserManagementMenuBlade/~/AllUsers', 'hash', 'home-all-users'));
    }
  }
  window.addEventListener('hashchange', render);
  window.addEventListener('popstate', render);
  render();
})();
`;
