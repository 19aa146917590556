// The build copies Workbox's window module into assets/javascripts/workbox/ (sitebuild.offline);
// page.json's rootDirs lay this folder over docs/assets/javascripts, so offline.mjs's import of
// it gets the pinned workbox-window package's own types.
export { Workbox } from "workbox-window";
