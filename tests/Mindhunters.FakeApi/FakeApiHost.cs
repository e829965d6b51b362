using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// The running fake API: Kestrel on 127.0.0.1 (HTTP/1.1), the request pipeline and the routes. The order of the
    /// pipeline is the order in which a request meets it: its lifetime, its scope, the request log, then routing and,
    /// for the API's own endpoints, the faults, the bearer check and the body faults.
    /// </summary>
    internal sealed class FakeApiHost : IAsyncDisposable
    {
        private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

        private readonly WebApplication _app;
        private readonly CancellationTokenSource _stopping = new();

        private FakeApiHost(WebApplication app)
        {
            _app = app;
        }

        /// <summary>http://127.0.0.1:{port}/</summary>
        public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

        /// <summary>Signalled when the host is stopping (disposed, or told to stop).</summary>
        public CancellationToken Stopping => _stopping.Token;

        public static async Task<FakeApiHost> StartAsync(ProcessOptions options, ScopeSettings root)
        {
            WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
            {
                ApplicationName = typeof(FakeApiHost).Assembly.GetName().Name,
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.Logging.ClearProviders();
            builder.Services.AddRouting();

            // Program handles Ctrl+C, SIGTERM and the end of standard input itself, and says nothing but its one line.
            builder.Services.AddSingleton<IHostLifetime, NoOpHostLifetime>();
            builder.WebHost.UseKestrelCore();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.Protocols = HttpProtocols.Http1);
            });

            WebApplication app = builder.Build();
            var host = new FakeApiHost(app);
            var scopes = new ScopeRegistry(root);
            app.Lifetime.ApplicationStopping.Register(host.CancelStopping);

            app.Use(next => context => RequestLifetime.InvokeAsync(context, next, host.Stopping));
            app.Use(next => context => ScopeRouting.InvokeAsync(context, next, scopes));
            app.Use(next => context => RequestRecording.InvokeAsync(context, next));
            app.Use(next => context => JsonStatusPages.InvokeAsync(context, next));
            app.UseRouting();
            app.UseWhen(context => ApiEndpoint.Of(context) is not null, api =>
            {
                api.Use(next => context => StatusFaults.InvokeAsync(context, next));
                api.Use(next => context => BearerToken.InvokeAsync(context, next));
                api.Use(next => context => BodyFaults.InvokeAsync(context, next));
            });

            RouteGroupBuilder v1 = app.MapGroup("/api/v1").WithMetadata(ApiEndpoint.Default);
            foreach (Type type in typeof(FakeApiHost).Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(IApiEndpoint).IsAssignableFrom(t)))
            {
                ((IApiEndpoint)Activator.CreateInstance(type)!).Map(v1);
            }

            HostileEndpoint.Map(app);
            ControlApi.Map(app, scopes);

            try
            {
                await app.StartAsync().ConfigureAwait(false);
            }
            catch
            {
                await app.DisposeAsync().ConfigureAwait(false);
                host._stopping.Dispose();
                throw;
            }

            var bound = new Uri(app.Urls.First());
            host.BaseUri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{bound.Port}/"));
            return host;
        }

        /// <summary>Stops the server: pending waits (latency, stall) end at once, open connections are closed.</summary>
        public async ValueTask DisposeAsync()
        {
            CancelStopping();
            using (var timeout = new CancellationTokenSource(StopTimeout))
            {
                try
                {
                    await _app.StopAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Kestrel aborted what was left.
                }
            }

            await _app.DisposeAsync().ConfigureAwait(false);
            _stopping.Dispose();
        }

        private sealed class NoOpHostLifetime : IHostLifetime
        {
            public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

            public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        }

        private void CancelStopping()
        {
            try
            {
                _stopping.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
