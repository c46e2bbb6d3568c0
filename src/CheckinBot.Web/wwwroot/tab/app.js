// The Growth tab (docs/architecture.md, "Growth tab"): one page, three views chosen by who is signed in. Inside Teams the token comes
// from Teams SSO (authentication.getAuthToken); in local mode on loopback a picker of the sample org stands in.
import { setTheme } from '/tab/lib/web-components-all.min.js';
import { teamsLightTheme, teamsDarkTheme, teamsHighContrastTheme } from '/tab/lib/tokens/index.js';

// boot.js watches for this: the libraries loaded and the app runs (else it says what did not load).
document.documentElement.dataset.tabStarted = '1';
const teams = window.microsoftTeams;
const ApiTimeout = 8000;
const LocalUserHeader = 'X-CheckinBot-Local-User';
const Weeks = 12;
const state = { inTeams: false, token: null, localUser: null, context: null, charts: [], drawing: 0, generation: 0, loads: 0 };

const views = {
  me: { label: 'Me', render: renderMe },
  team: { label: 'My team', render: renderTeam },
  organisation: { label: 'Organisation', render: renderOrganisation },
};

const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
};

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function api(path, method = 'GET', body = undefined) {
  for (let attempt = 0; ; attempt++) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (state.token) headers.Authorization = `Bearer ${state.token}`;
    if (state.localUser) headers[LocalUserHeader] = state.localUser;
    let response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(ApiTimeout) });
    } catch (error) {
      // No answer in time, or none at all: say so rather than wait.
      throw new ApiError(0, { detail: `The Growth tab could not load (${path} ${error.name === 'TimeoutError' ? `took longer than ${ApiTimeout / 1000} s` : 'did not answer'}). Reload, or tell your admin.` });
    }
    if (response.ok) return response.json();
    // An expired SSO token: ask Teams for a fresh one, once.
    if (response.status === 401 && state.inTeams && attempt === 0) {
      state.token = await teams.authentication.getAuthToken();
      continue;
    }
    let problem = null;
    try { problem = await response.json(); } catch { /* not problem details */ }
    throw new ApiError(response.status, problem);
  }
}

function applyTheme(name) {
  const theme = name === 'dark' ? teamsDarkTheme : name === 'contrast' ? teamsHighContrastTheme : teamsLightTheme;
  setTheme(theme);
  document.documentElement.dataset.theme = name || 'default';
  if (state.context) show(currentView());
}

async function start() {
  if (document.documentElement.dataset.tabFailed) return; // boot.js said what did not load; drawing over it would hide that
  state.inTeams = window.parent !== window;
  if (state.inTeams) {
    await teams.app.initialize();
    const context = await teams.app.getContext();
    applyTheme(context.app.theme);
    teams.app.registerOnThemeChangeHandler(applyTheme);
    try {
      state.token = await teams.authentication.getAuthToken();
    } catch (error) {
      return fail('Teams could not sign you in to CheckinBot. Ask your Teams admin to grant CheckinBot consent, then reopen the tab.');
    }
  } else {
    applyTheme(matchMedia('(forced-colors: active)').matches ? 'contrast' : matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default');
    // 404: not the local run, so not a page to open outside Teams; anything else: the org could not be read.
    const people = await fetch('/api/tab/people', { signal: AbortSignal.timeout(ApiTimeout) })
      .then(r => (r.ok ? r.json() : r.status === 404 ? null : Promise.reject(new Error(`answered ${r.status}`))))
      .catch(error => ({ unreadable: error.name === 'TimeoutError' ? `no answer within ${ApiTimeout / 1000} s` : error.message }));
    if (!people) return fail('Open Growth from CheckinBot in Microsoft Teams.');
    if (people.unreadable) return fail(`The org could not be read for the "View as" list (${people.unreadable}). Reload, or tell your admin.`);
    showPicker(people);
  }
  await load();
}

function showPicker(people) {
  const select = document.getElementById('person');
  const wanted = new URLSearchParams(location.search).get('as');
  for (const person of people) {
    const roles = [person.isHr ? 'HR' : null, person.isManager ? 'manager' : null].filter(Boolean).join(', ');
    select.append(el('option', { value: person.id, text: `${person.name}${person.department ? ` · ${person.department}` : ''}${roles ? ` (${roles})` : ''}` }));
  }
  select.value = people.some(p => p.id === wanted) ? wanted : people[0]?.id;
  state.localUser = select.value;
  select.addEventListener('change', async () => {
    state.localUser = select.value;
    history.replaceState(null, '', `?as=${encodeURIComponent(select.value)}`);
    await load();
  });
  document.getElementById('picker').hidden = false;
}

async function load() {
  // Picking another person while a load is under way: only the latest load may draw.
  const load = ++state.loads;
  let context;
  try {
    context = await api('/api/tab/context');
  } catch (error) {
    if (load === state.loads) fail(error.status === 401 ? 'Your sign-in has expired or is not valid here. Close and reopen the tab.' : error.message);
    return;
  }
  if (load !== state.loads) return;
  state.context = context;
  document.getElementById('who').textContent = `Signed in as ${state.context.name}`;
  const nav = document.getElementById('views');
  nav.replaceChildren();
  const tablist = el('fluent-tablist', { 'aria-label': 'Views', role: 'tablist' });
  for (const id of state.context.views) {
    const tab = el('fluent-tab', { id: `tab-${id}`, role: 'tab', 'data-view': id, text: views[id].label });
    tablist.append(tab);
  }
  tablist.addEventListener('click', event => {
    const tab = event.target.closest('[data-view]');
    if (tab) show(tab.dataset.view);
  });
  tablist.addEventListener('keydown', event => {
    if (event.key === 'Enter' || event.key === ' ') {
      const tab = event.target.closest('[data-view]');
      if (tab) show(tab.dataset.view);
    }
  });
  nav.append(tablist);
  nav.hidden = state.context.views.length < 2;
  const wanted = new URLSearchParams(location.search).get('view');
  await show(state.context.views.includes(wanted) ? wanted : 'me');
}

function currentView() {
  return document.getElementById('view').dataset.view || 'me';
}

async function show(id) {
  const main = document.getElementById('view');
  main.dataset.view = id;
  delete main.dataset.ready;
  for (const tab of document.querySelectorAll('[data-view]')) tab.setAttribute('aria-selected', String(tab.dataset.view === id));
  const tablist = document.querySelector('fluent-tablist');
  if (tablist) tablist.activeid = `tab-${id}`;
  for (const chart of state.charts) chart.destroy();
  state.charts = [];
  state.drawing = 0;
  const generation = ++state.generation;
  const userId = state.context.userId;
  delete main.dataset.charts;
  main.replaceChildren(el('p', { class: 'status', role: 'status', text: 'Loading…' }));
  let content;
  try {
    content = await views[id].render();
  } catch (error) {
    content = [problem(error)];
  }
  if (generation !== state.generation) return; // another view or person since
  main.replaceChildren(...content);
  // For tests and tools: this view, for this person, is on the page.
  main.dataset.user = userId;
  main.dataset.ready = id;
  chartsDrawn();
}

// Once the view and every chart in it are on screen: a mark the benchmark reads (docs/performance.md, "Growth tab").
function chartsDrawn() {
  const main = document.getElementById('view');
  if (state.drawing > 0 || !main.dataset.ready || main.dataset.charts) return;
  main.dataset.charts = 'drawn';
  performance.mark('checkinbot:charts-drawn');
}

function problem(error) {
  if (error.status === 403) {
    const role = currentView() === 'organisation' ? 'an HR admin' : 'the manager of that team';
    return card('Not for this account', [notice(`Only ${role} can see this. ${error.message}`)], true);
  }
  return card('Something went wrong', [notice(error.message, true)], true);
}

function fail(message) {
  document.getElementById('view').replaceChildren(card('Growth', [notice(message, true)], true));
}

const notice = (text, isError = false) => el('p', { class: isError ? 'notice error' : 'notice', role: isError ? 'alert' : 'note', text });

function card(title, children, wide = false) {
  return el('section', { class: wide ? 'card wide' : 'card', 'aria-label': title }, el('h2', { text: title }), children);
}

function tiles(pairs) {
  return el('dl', { class: 'tiles' }, pairs.map(([label, value]) => el('div', {}, el('dt', { text: label }), el('dd', { text: value ?? '–' }))));
}

function table(caption, headers, rows, numeric = []) {
  return el('div', { class: 'table-wrap' }, el('table', {},
    el('caption', { class: 'visually-hidden', text: caption }),
    el('thead', {}, el('tr', {}, headers.map((h, i) => el('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null, text: h })))),
    el('tbody', {}, rows.map(row => el('tr', {}, row.map((cell, i) => el('td', { class: numeric.includes(i) ? 'num' : null, text: cell ?? '–' })))))));
}

const tokenColor = (name, fallback) => getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
const palette = () => [
  tokenColor('--colorBrandBackground', '#5b5fc7'),
  tokenColor('--colorPaletteGreenBackground3', '#107c10'),
  tokenColor('--colorPaletteDarkOrangeBackground3', '#da3b01'),
  tokenColor('--colorPaletteBerryBackground3', '#c239b3'),
  tokenColor('--colorPaletteTealBackground2', '#038387'),
];

// A chart and, behind it, the same numbers as a table (for screen readers, high contrast and copying).
function figure(title, config, tableNode) {
  const canvas = el('canvas', { role: 'img', 'aria-label': `${title}. The numbers are in the table below.` });
  const figureNode = el('figure', {}, el('div', { class: 'chart' }, canvas), el('details', {}, el('summary', { text: `${title}: the numbers` }), tableNode));
  const colors = palette();
  const foreground = tokenColor('--colorNeutralForeground1', '#242424');
  const grid = tokenColor('--colorNeutralStroke2', '#e0e0e0');
  config.data.datasets.forEach((dataset, i) => {
    dataset.borderColor ??= colors[i % colors.length];
    dataset.backgroundColor ??= colors[i % colors.length];
  });
  state.drawing++;
  const generation = state.generation;
  requestAnimationFrame(() => {
    if (generation !== state.generation) return; // a view since replaced
    state.drawing--;
    if (!canvas.isConnected) return;
    state.charts.push(new window.Chart(canvas, {
      ...config,
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { labels: { color: foreground } } },
        scales: config.type === 'doughnut' ? {} : {
          x: { ticks: { color: foreground }, grid: { color: grid } },
          y: { ticks: { color: foreground }, grid: { color: grid }, beginAtZero: true, ...(config.y || {}) },
        },
      },
    }));
    canvas.dataset.drawn = 'true';
    chartsDrawn();
  });
  return figureNode;
}

const day = value => value.slice(0, 10);
const percent = value => (value === null || value === undefined ? null : `${Math.round(value * 100)}%`);

function chatLink(command) {
  const bot = state.context.botAppId;
  if (!bot) return el('code', { text: command });
  const href = `https://teams.microsoft.com/l/chat/0/0?users=28:${encodeURIComponent(bot)}&message=${encodeURIComponent(command)}`;
  const link = el('a', { href, target: '_blank', rel: 'noopener', text: command });
  link.addEventListener('click', event => {
    if (state.inTeams) {
      event.preventDefault();
      teams.app.openLink(href);
    }
  });
  return link;
}

// The review pack: the period's entries of the person's own log, each ticked; what stays ticked is built into a Word
// draft, shared with the manager only on Share (the same pack as "review pack" in chat).
function reviewPackCard() {
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const entries = el('div');
  const period = el('select', { id: 'review-period' }, el('option', { value: '6', text: 'Last 6 months' }), el('option', { value: '12', text: 'Last 12 months' }));
  const showButton = el('button', { type: 'button', text: 'Show my entries' });
  showButton.addEventListener('click', async () => {
    entries.replaceChildren();
    status.textContent = 'Reading your log…';
    try {
      const pack = await api(`/api/me/review-pack?months=${period.value}`);
      status.textContent = pack.entries.length === 0
        ? 'Nothing is logged in this period yet. Check-ins with wins, learning goals and feedback you ask for fill the next pack.'
        : `${pack.entries.length} entries from ${pack.from} to ${pack.to}${pack.tooMany ? ` (the first ${pack.maxEntries}; pick a shorter period in chat for the rest)` : ''}. Untick anything to leave out; lines from private check-ins never go in your manager's copy.`;
      if (pack.entries.length === 0) return;
      const sections = [...new Set(pack.entries.map(e => e.sectionTitle))];
      const form = el('form', { 'aria-label': 'Entries for the review pack' }, sections.map(title => el('fieldset', {}, el('legend', { text: title }),
        pack.entries.filter(e => e.sectionTitle === title).map(e => el('label', { class: 'pick' },
          el('input', { type: 'checkbox', name: 'entry', value: e.id, checked: true }),
          ` ${day(e.at)} · ${e.text}${e.fromPrivateCheckin ? ' (private check-in)' : ''}`)))));
      const build = el('button', { type: 'submit', text: 'Build my review pack' });
      form.append(build);
      form.addEventListener('submit', async event => {
        event.preventDefault();
        const kept = [...form.querySelectorAll('input[name=entry]:checked')].map(box => box.value);
        const built = await api('/api/me/review-pack', 'POST', { from: pack.from, to: pack.to, entryIds: kept });
        const share = el('button', { type: 'button', text: 'Share with my manager' });
        share.addEventListener('click', async () => {
          try {
            const shared = await api(`/api/me/review-pack/${built.packId}/share`, 'POST', {});
            status.textContent = `Shared with ${shared.sharedWith}${shared.privateLeftOut ? `, without the ${shared.privateLeftOut} lines from private check-ins` : ''}.`;
          } catch (error) { status.textContent = error.message; }
        });
        entries.replaceChildren(el('p', {}, `Your review pack is ready: ${built.lines} lines. `, el('a', { href: built.download, text: 'Download (Word)' }), ' (the link works for 15 minutes). Nobody else sees it unless you share it.'), share);
        status.textContent = 'Built.';
      });
      entries.append(form);
    } catch (error) {
      status.textContent = error.message;
    }
  });
  return card('Review pack', [
    el('p', {}, 'A draft self-review from your own log: every line your own words, dated, with where it came from. Nothing is rephrased or rated.'),
    el('label', { for: 'review-period', text: 'Period ' }), period, ' ', showButton, status, entries,
  ], true);
}

async function renderMe() {
  const me = await api('/api/me/growth');
  const active = me.goals.filter(g => g.status === 'active');
  const sections = [card('At a glance', [tiles([
    ['Check-ins', String(me.checkins)],
    ['Active goals', String(active.length)],
    ['Wins', String(me.winsByMonth.reduce((sum, m) => sum + m.count, 0))],
    ['Feedback received', String(me.feedbackReceived.length)],
  ])], true)];
  sections.push(...me.journeys.map(journeyCard));
  if (me.checkins === 0 && me.goals.length === 0) {
    sections.push(card('Welcome', [el('p', {}, 'Nothing here yet. Say ', chatLink('check in'), ' to start your first check-in, or ', chatLink('add goal'), ' to set a learning goal; this page fills in as you go.')], true));
    return sections;
  }

  if (me.goals.length === 0) {
    sections.push(card('Goals', [el('p', { class: 'empty' }, 'No learning goals yet. Say ', chatLink('add goal'), ' to set one.')]));
  } else {
    const dates = [...new Set(me.goals.flatMap(g => g.history.map(h => day(h.at))))].sort();
    const datasets = me.goals.map(g => {
      const byDay = new Map(g.history.map(h => [day(h.at), h.percent]));
      return { label: g.title, data: dates.map(d => byDay.get(d) ?? null), spanGaps: true, tension: 0.2 };
    });
    const rows = me.goals.flatMap(g => g.history.map(h => [g.title, day(h.at), `${h.percent}%`]));
    sections.push(card('Goals over time', [figure('Goal progress', { type: 'line', data: { labels: dates, datasets }, y: { max: 100 } },
      table('Goal progress over time', ['Goal', 'Date', 'Progress'], rows, [2]))]));
    sections.push(card('My goals', [table('My goals', ['Goal', 'Status', 'Progress', 'Milestones', 'Target'], me.goals.map(g => [
      g.title, g.status, `${g.percent}%`,
      g.milestones.length ? `${g.milestones.filter(m => m.doneAt).length} of ${g.milestones.length}` : null,
      g.targetDate,
    ]), [2]), el('p', {}, 'Update one: ', chatLink('goals'))]));
  }

  if (me.energy.length > 0) {
    sections.push(card('Energy', [figure('Energy per check-in', {
      type: 'line', data: { labels: me.energy.map(e => day(e.at)), datasets: [{ label: 'Energy (1–5)', data: me.energy.map(e => e.value), tension: 0.2 }] }, y: { min: 1, max: 5 },
    }, table('Energy per check-in', ['Date', 'Energy'], me.energy.map(e => [day(e.at), String(e.value)]), [1]))]));
  }

  if (me.winsByMonth.length > 0) {
    sections.push(card('Wins', [
      figure('Wins by month', { type: 'bar', data: { labels: me.winsByMonth.map(m => m.month), datasets: [{ label: 'Wins', data: me.winsByMonth.map(m => m.count) }] } },
        table('Wins by month', ['Month', 'Wins'], me.winsByMonth.map(m => [m.month, String(m.count)]), [1])),
      el('h3', { text: 'Latest' }),
      el('ul', { class: 'plain' }, me.recentWins.map(w => el('li', { text: `${day(w.at)} · ${w.text}` }))),
    ]));
  }

  sections.push(card('Feedback received', me.feedbackReceived.length === 0
    ? [el('p', { class: 'empty' }, 'None yet. Ask a colleague: ', chatLink('feedback'))]
    : [el('ul', { class: 'plain' }, me.feedbackReceived.map(n => el('li', { text: `${day(n.at)} · ${n.from}${n.isPraise ? ' (praise)' : ''}: ${n.text}` })))]));
  sections.push(reviewPackCard());
  return sections;
}

// A journey as a path: each step with its date and whether it is answered, due today, to come or passed unanswered.
function journeyCard(journey) {
  const today = journey.path.dayNumber;
  const stateOf = s => journey.answeredDays.includes(s.step.day) ? 'answered'
    : s.step.day === today ? 'today' : s.step.day > today ? 'to come' : 'not answered';
  return card(journey.cadenceName, [
    el('p', { class: 'headline', text: `${journey.headline} since your start on ${journey.path.hireDate}` }),
    el('ol', { class: 'journey', 'aria-label': `${journey.cadenceName} steps` }, journey.path.steps.map(s =>
      el('li', { class: `step ${stateOf(s).replace(' ', '-')}`, text: `Day ${s.step.day} · ${s.date} · ${stateOf(s)}` }))),
  ], true);
}

function weekRange() {
  const today = new Date();
  const monday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7)));
  const from = new Date(monday.getTime() - (Weeks - 1) * 7 * 86400000);
  return { from: from.toISOString().slice(0, 10), to: today.toISOString().slice(0, 10) };
}

function suppressedNotice(name) {
  return notice(`${name} has fewer than ${state.context.minGroupSize} people, or showing it would let someone work out a smaller group's figures, so its figures are hidden to protect everyone's anonymity.`);
}

function participationFigure(title, periods) {
  if (periods.length === 0) return el('p', { class: 'empty', text: 'No check-ins sent or completed in these 12 weeks yet: this fills in after the first cadence runs.' });
  const labels = periods.map(p => p.start);
  return figure(title, {
    type: 'bar',
    data: { labels, datasets: [
      { label: 'Sent', data: periods.map(p => p.participation.sent) },
      { label: 'Completed', data: periods.map(p => p.participation.completed) },
    ] },
  }, table(title, ['Week', 'Sent', 'Started', 'Completed', 'Shared', 'Completion rate'], periods.map(p => [
    p.start, String(p.participation.sent), String(p.participation.started), String(p.participation.completed), String(p.participation.shared), percent(p.participation.completionRate),
  ]), [1, 2, 3, 4, 5]));
}

function energyTrendFigure(title, periods) {
  const withEnergy = periods.filter(p => p.energy.responses > 0);
  if (withEnergy.length === 0) return el('p', { class: 'empty', text: 'No energy answers in these 12 weeks yet.' });
  return figure(title, {
    type: 'line', data: { labels: withEnergy.map(p => p.start), datasets: [{ label: 'Mean energy (1–5)', data: withEnergy.map(p => p.energy.mean), tension: 0.2 }] }, y: { min: 1, max: 5 },
  }, table(title, ['Week', 'Responses', 'Mean'], withEnergy.map(p => [p.start, String(p.energy.responses), String(p.energy.mean)]), [1, 2]));
}

const statusText = { done: 'Done', pending: 'Pending', overdue: 'Overdue' };
const reasonText = { notInstalled: 'Not installed', blocked: 'Blocked the bot', noConversation: 'No chat any more', left: 'Left', other: 'Other' };

async function renderTeam() {
  const team = await api('/api/team/overview');
  const tree = team.tree;
  const sections = [];
  if (tree.suppressed) {
    sections.push(card(`${team.name}'s team`, [suppressedNotice(`${team.name}'s team`)], true));
  } else {
    sections.push(card(`${team.name}'s team`, [tiles([
      ['People', String(tree.people)],
      ['Completed (12 weeks)', String(tree.participation.completed)],
      ['Completion rate', percent(tree.participation.completionRate)],
      ['People with a goal', String(tree.goals.peopleWithGoals ?? 0)],
      ['Median goal progress', tree.goals.medianProgress === null || tree.goals.medianProgress === undefined ? null : `${tree.goals.medianProgress}%`],
    ])], true));
    sections.push(card('Participation by week', [participationFigure('Team participation by week', tree.periods)]));
    sections.push(card('Energy by week', [energyTrendFigure('Team energy by week', tree.periods)]));
  }
  if (team.members.length > 0) {
    sections.push(card('Direct reports', [
      el('p', { class: 'status', text: 'From check-ins they shared with you: a private check-in shows as none.' }),
      table('Direct reports', ['Name', 'Status', 'Away', 'Lighter check-ins', 'Last shared', 'Goals on track', 'Goals behind', 'Asking you'], team.members.map(m => [
        m.name, statusText[m.status], m.away ? (m.awayUntil ? `until ${day(m.awayUntil)}` : 'yes') : '', m.lighterCheckins ? 'yes: talk rather than push' : '',
        m.lastSharedAt ? day(m.lastSharedAt) : 'never', String(m.goalsOnTrack), String(m.goalsBehind), String(m.openRequestsToYou),
      ]), [5, 6, 7]),
    ], true));
  }
  sections.push(card('Feedback requests waiting for you', team.waiting.length === 0
    ? [el('p', { class: 'empty', text: 'None: you are all caught up.' })]
    : [el('ul', { class: 'plain' }, team.waiting.map(w => el('li', { text: `${day(w.askedAt)} · ${w.from}: ${w.topic}` })))]));
  if (team.subTeams.length > 0) {
    sections.push(card('Teams within yours', [table('Teams within yours', ['Team', 'People', 'Completed', 'Completion rate'], team.subTeams.map(g => g.suppressed
      ? [g.name, `hidden (under ${state.context.minGroupSize} or protecting another)`, null, null]
      : [g.name, String(g.people), String(g.participation.completed), percent(g.participation.completionRate)]), [2, 3])]));
  }
  return sections;
}

async function renderOrganisation() {
  const { from, to } = weekRange();
  const report = await api(`/api/admin/metrics?groupBy=department&period=week&from=${from}&to=${to}`);
  const total = report.total;
  if (total.suppressed) return [card('Organisation', [suppressedNotice('The organisation')], true)];
  const departments = report.groups.filter(g => !g.suppressed);
  const hidden = report.groups.filter(g => g.suppressed);
  const unreachable = Object.entries(total.participation.unreachable).filter(([, count]) => count > 0);
  return [
    card('Organisation, last 12 weeks', [tiles([
      ['People', String(total.people)],
      ['Sent', String(total.participation.sent)],
      ['Completed', String(total.participation.completed)],
      ['Completion rate', percent(total.participation.completionRate)],
      ['Not asked: away', String(total.participation.away)],
      ['On lighter check-ins now', String(total.lighterCheckins ?? 0)],
      ['Back to full on their own (90 days)', String(total.recoveredFromLighter ?? 0)],
      ['Median minutes', total.participation.medianMinutesToComplete === null || total.participation.medianMinutesToComplete === undefined ? null : String(total.participation.medianMinutesToComplete)],
      ['Goals completed', String(total.goals.completed)],
    ])], true),
    card('Participation by week', [participationFigure('Organisation participation by week', total.periods)]),
    card('Completion by department', [
      figure('Completion rate by department', {
        type: 'bar', data: { labels: departments.map(d => d.name), datasets: [{ label: 'Completion rate (%)', data: departments.map(d => Math.round((d.participation.completionRate ?? 0) * 100)) }] }, y: { max: 100 },
      }, table('Completion by department', ['Department', 'People', 'Sent', 'Completed', 'Completion rate'], departments.map(d => [
        d.name, String(d.people), String(d.participation.sent), String(d.participation.completed), percent(d.participation.completionRate),
      ]), [1, 2, 3, 4])),
      hidden.length ? el('p', { class: 'status', text: `Hidden to protect anonymity: ${hidden.map(d => d.name).join(', ')}.` }) : null,
    ]),
    card('Energy distribution', [figure('Energy answers by value', {
      type: 'bar', data: { labels: ['1', '2', '3', '4', '5'], datasets: [{ label: 'Answers', data: total.energy.distribution }] },
    }, table('Energy answers by value', ['Energy', 'Answers'], total.energy.distribution.map((n, i) => [String(i + 1), String(n)]), [1]))]),
    card('Feedback loop', [tiles([
      ['Requested', String(total.feedback.requested)],
      ['Answered', String(total.feedback.answered)],
      ['Median hours to answer', total.feedback.medianHoursToAnswer === null || total.feedback.medianHoursToAnswer === undefined ? null : String(total.feedback.medianHoursToAnswer)],
      ['Shared check-ins replied to within 7 days', percent(total.feedback.sharedAnsweredWithin7Days)],
    ])]),
    card('Who runs could not reach', unreachable.length === 0
      ? [el('p', { class: 'empty', text: 'Everyone was reachable in these 12 weeks.' })]
      : [table('Who runs could not reach', ['Reason', 'People', 'What fixes it'], unreachable.map(([reason, count]) => [reasonText[reason] ?? reason, String(count), state.context.unreachableFixes[reason]]), [1])], true),
  ];
}

start().catch(error => fail(error.message));
