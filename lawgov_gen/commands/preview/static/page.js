"use strict";
// lawgov-gen preview: apply each update from the event stream without reloading the page.
(() => {
  const host = document.querySelector("lg-preview");
  if (!host) return;
  const declared = host.querySelector("template[shadowrootmode]");
  if (!host.shadowRoot && declared) {
    // a browser without declarative shadow DOM (Firefox before 123, Safari before 16.4)
    host.attachShadow({ mode: "open" }).appendChild(declared.content);
    declared.remove();
  }
  if (!host.shadowRoot) return;
  const root = host.shadowRoot;
  const part = (id) => root.getElementById(id);
  const session = host.dataset.session;
  const head = host.dataset.head;
  let version = Number(host.dataset.version);

  // the paragraph of each marked text carries the flag and the rule ids in its margin
  function flag() {
    for (const a of document.querySelectorAll("lg-a")) {
      const p = a.parentElement;
      if (!p || p === document.body) continue;
      p.classList.add("lg-flag", "lg-flag-" + a.dataset.level);
      const rules = new Set(((p.dataset.lgRules || "") + " " + a.dataset.rules).split(" "));
      rules.delete("");
      p.dataset.lgRules = [...rules].join(" ");
    }
  }

  function fit() {
    const height = part("top").getBoundingClientRect().height;
    document.documentElement.style.setProperty("--lg-top", Math.ceil(height + 16) + "px");
  }

  function setCss(hrefs, fonts) {
    const links = document.querySelectorAll("link[data-lg-css]");
    hrefs.forEach((href, i) => {
      if (links[i] && links[i].getAttribute("href") !== href) links[i].setAttribute("href", href);
    });
    const style = document.getElementById("lg-fonts");
    if (style && style.textContent !== fonts) style.textContent = fonts;
  }

  function reload() {
    sessionStorage.setItem("lg-scroll", String(window.scrollY));
    location.reload();
  }

  function apply(s) {
    if (s.session !== session || s.head !== head) return reload();
    if (s.version <= version) return;
    version = s.version;
    host.dataset.version = String(version);
    document.title = s.title;
    part("bar").innerHTML = s.bar;
    part("banner").innerHTML = s.banner;
    part("banner").hidden = !s.banner;
    part("findings").innerHTML = s.findings;
    const range = document.createRange();
    range.setStart(document.body, 0);
    range.setEndBefore(host);
    range.deleteContents();
    host.insertAdjacentHTML("beforebegin", s.body);
    document.body.toggleAttribute("data-lg-stale", s.stale);
    setCss(s.css, s.fonts);
    flag();
    fit();
  }

  function focus(el) {
    const shadow = el.getRootNode() === root;
    const name = shadow ? "focus" : "lg-focus";
    for (const old of (shadow ? root : document).querySelectorAll("." + name)) {
      old.classList.remove(name);
    }
    el.classList.add(name);
  }

  // a finding in the list → its paragraph; a marked paragraph → its findings in the list
  root.addEventListener("click", (e) => {
    const item = e.target.closest("[data-target]");
    const a = item && document.getElementById(item.dataset.target);
    if (!a) return;
    const p = a.parentElement || a;
    p.scrollIntoView({ block: "center", behavior: "smooth" });
    focus(p);
    focus(item);
  });
  document.addEventListener("click", (e) => {
    const a = e.target.closest && e.target.closest("lg-a, .lg-flag");
    const mark = a && (a.matches("lg-a") ? a : a.querySelector("lg-a"));
    if (!mark) return;
    const item = part("lg-f" + mark.dataset.f.split(" ")[0]);
    if (!item) return;
    item.scrollIntoView({ block: "nearest" });
    focus(item);
  });

  const saved = sessionStorage.getItem("lg-scroll");
  if (saved !== null) {
    sessionStorage.removeItem("lg-scroll");
    window.scrollTo(0, Number(saved));
  }
  flag();
  fit();
  new ResizeObserver(fit).observe(part("top"));

  const events = new EventSource("/events");
  events.onmessage = (e) => apply(JSON.parse(e.data));
  events.onerror = () => {
    const status = part("status");
    if (status) {
      status.className = "down";
      status.textContent = "连接已断开：lawgov-gen preview 已停止？重新运行后页面会自动连接";
    }
  };
})();
