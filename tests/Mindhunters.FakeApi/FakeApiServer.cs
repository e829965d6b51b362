using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mindhunters.FakeApi;

/// <summary>
/// A running fake Mindhunters API on 127.0.0.1 (HTTP/1.1). Start it with <see cref="StartAsync"/>, point the
/// client at <see cref="BaseUri"/>, and dispose it at the end of the test.
/// </summary>
public sealed class FakeApiServer : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly FakeApiHandler _handler;
    private readonly CancellationTokenSource _stopping = new();
    private int _count;
    private int _agentCount;
    private int _disposed;

    private FakeApiServer(WebApplication app, FakeApiOptions options)
    {
        _app = app;
        _count = options.Count;
        _agentCount = options.AgentCount;
        Token = options.Token;
        Faults = options.Faults.Clone();
        _handler = new FakeApiHandler(this, _stopping.Token);
    }

    /// <summary>http://127.0.0.1:{port} (no trailing path).</summary>
    public Uri BaseUri { get; private set; } = new Uri("http://127.0.0.1/");

    /// <summary>The TCP port the server listens on.</summary>
    public int Port => BaseUri.Port;

    /// <summary>The bearer token the endpoint accepts.</summary>
    public string Token { get; }

    /// <summary>
    /// The live fault settings (a copy of <see cref="FakeApiOptions.Faults"/> taken at start); change them between
    /// requests. Thread-safe.
    /// </summary>
    public FaultOptions Faults { get; }

    /// <summary>The size of the data set (items 1..Count); can be changed live, like PUT /_fake/count?value=N.</summary>
    public int Count
    {
        get => Volatile.Read(ref _count);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            Volatile.Write(ref _count, value);
        }
    }

    /// <summary>How many agents GET /api/v1/agents lists (agents 1..AgentCount; see <see cref="FakeAgents"/>).</summary>
    public int AgentCount
    {
        get => Volatile.Read(ref _agentCount);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            Volatile.Write(ref _agentCount, value);
        }
    }

    /// <summary>Forgets what PATCH requests changed (like DELETE /_fake/channel-settings).</summary>
    public void ResetChannelSettings() => Channels.Clear();

    internal ChannelSettingsStore Channels { get; } = new();

    /// <summary>A snapshot of the requests of the API endpoints (/api/v1/...) so far, oldest first. Thread-safe.</summary>
    public IReadOnlyList<RecordedRequest> Requests => Log.Snapshot();

    internal RequestLog Log { get; } = new();

    /// <summary>Signalled when the server is stopping (disposed, or its host was told to stop).</summary>
    internal CancellationToken Stopping => _stopping.Token;

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests() => Log.Clear();

    /// <summary>Starts a server on 127.0.0.1 and returns once it accepts connections.</summary>
    public static async Task<FakeApiServer> StartAsync(FakeApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(options.AgentCount);
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "Port must be 0 (any free port) to 65535.");
        }

        if (string.IsNullOrEmpty(options.Token))
        {
            throw new ArgumentException("A token is required.", nameof(options));
        }

        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeApiServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // The host must not hook Ctrl+C/SIGTERM of the process it runs in (xunit); Program handles those itself.
        builder.Services.AddSingleton<IHostLifetime, NoOpHostLifetime>();
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.Protocols = HttpProtocols.Http1);
        });

        WebApplication app = builder.Build();
        var server = new FakeApiServer(app, options);
        app.Run(server._handler.HandleAsync);
        app.Lifetime.ApplicationStopping.Register(static state => ((FakeApiServer)state!).CancelStopping(), server);

        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            server._stopping.Dispose();
            throw;
        }

        string address = app.Urls.First();
        var bound = new Uri(address);
        server.BaseUri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{bound.Port}"));
        return server;
    }

    /// <summary>Stops the server: pending waits (latency, stall) end at once, open connections are closed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

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

    private sealed class NoOpHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
