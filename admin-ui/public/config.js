// Deployment settings read at runtime (replace this file on S3 to change them; no rebuild).
// apiBase: where /api lives; empty means the same origin as the admin UI.
// portalUrl: the captive portal's address for the voucher QR codes; empty means <this origin>/portal/.
window.WIFI_ADMIN_CONFIG = { apiBase: '', portalUrl: '' };
