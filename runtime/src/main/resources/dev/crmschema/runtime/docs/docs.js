// Renders the caller's workspace API with Swagger UI. The key (pasted, or given as /docs/#key=...) stays in
// this tab's session storage and is sent only to this server, as the Authorization header of the document
// request and of "Try it out" calls.
(function () {
  var input = document.getElementById('apiKey');
  var hint = document.getElementById('hint');

  function render(key) {
    window.ui = SwaggerUIBundle({
      url: '/rest/open-api/core',
      dom_id: '#swagger-ui',
      deepLinking: true,
      persistAuthorization: false,
      requestInterceptor: function (request) {
        if (key) {
          request.headers['Authorization'] = 'Bearer ' + key;
        }
        return request;
      }
    });
    hint.textContent = key
      ? 'Showing the API of the workspace this key belongs to.'
      : 'Paste an API key to see your workspace\'s objects and try calls. Without a key only the base document is shown.';
  }

  document.getElementById('keybar').addEventListener('submit', function (event) {
    event.preventDefault();
    var key = input.value.trim();
    sessionStorage.setItem('crmApiKey', key);
    render(key);
  });

  // A key in the URL fragment (/docs/#key=crm_...) opens the page on that key's workspace. Browsers never
  // send the fragment, so the key stays out of requests and server logs; it is moved to this tab's session
  // storage and removed from the address bar (and from Swagger UI's deep links, which use the fragment).
  var fromFragment = new URLSearchParams(window.location.hash.slice(1)).get('key');
  if (fromFragment) {
    sessionStorage.setItem('crmApiKey', fromFragment.trim());
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }

  var saved = sessionStorage.getItem('crmApiKey') || '';
  input.value = saved;
  render(saved);
})();
