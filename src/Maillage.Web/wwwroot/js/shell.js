// On a phone the CPTS's navigation scrolls sideways inside itself: start it on the entry of the page being read.
(() => {
  const nav = document.querySelector(".shell-nav");
  const current = nav?.querySelector("a[aria-current=page]");
  if (nav && current && nav.scrollWidth > nav.clientWidth) {
    nav.scrollLeft = current.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2;
  }
})();
