/* Deployment settings: the deployment overwrites this file (no rebuild). apiBase "" = same origin as the
   portal; otherwise the API's absolute URL without a trailing slash, e.g. "https://api.example.co.ke".
   sheng: offer the informal Sheng register beside English and Kiswahili. brand: the hotspot's name (a string,
   or {en, sw}). gatewayId: the gateway meant when the redirect names none (UniFi sends no gateway id: one
   portal host per UniFi gateway). handoffUrl: the plain-HTTP pfSense handoff page (default http://<this host>/<portal path>/handoff). */
window.WB_CONFIG = {
  apiBase: "",
  sheng: false,
  brand: null,
  gatewayId: null,
  handoffUrl: null,
  connectDelaySeconds: 3,
  onlineForwardSeconds: 5,
  pinSeconds: 60,
  waitMaxSeconds: 180
};
