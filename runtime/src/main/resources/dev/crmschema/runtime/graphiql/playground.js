// Mounts GraphiQL on POST /graphql. The key stays in this tab's session storage (shared with the REST
// docs page) and is sent only to this server, as the Authorization header of every request. A new key
// remounts GraphiQL, so it fetches the schema of the key's workspace.
(function () {
  var input = document.getElementById('apiKey');
  var hint = document.getElementById('hint');
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  var mounts = 0;
  var starter = '# Your workspace\'s records: press Ctrl-Space for fields, hover for their descriptions.\n'
    + '{\n  __schema {\n    queryType {\n      name\n    }\n  }\n}\n';

  function render(key) {
    mounts += 1;
    var fetcher = GraphiQL.createFetcher({
      url: '/graphql',
      headers: key ? { Authorization: 'Bearer ' + key } : {}
    });
    root.render(React.createElement(GraphiQL, {
      key: mounts,
      fetcher: fetcher,
      defaultQuery: starter,
      defaultEditorToolsVisibility: true
    }));
    hint.textContent = key
      ? 'Showing the schema of the workspace this key belongs to.'
      : 'Paste an API key to load your workspace\'s schema; then write queries with autocompletion (Ctrl-Space).';
  }

  document.getElementById('keybar').addEventListener('submit', function (event) {
    event.preventDefault();
    var key = input.value.trim();
    sessionStorage.setItem('crmApiKey', key);
    render(key);
  });

  var saved = sessionStorage.getItem('crmApiKey') || '';
  input.value = saved;
  render(saved);
})();
