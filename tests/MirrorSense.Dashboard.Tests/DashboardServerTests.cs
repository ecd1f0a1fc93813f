using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MirrorSense.Testing;

namespace MirrorSense.Dashboard.Tests;

public sealed class DashboardServerTests
{
    private static Task<DashboardServer> Start(LiveFeed live, bool cues = true) =>
        DashboardServer.StartAsync(new DashboardOptions(Port: 0, Cues: cues), live.Feed);

    public sealed class StartAsync
    {
        [SkippableFact]
        public async Task Should_listen_on_the_loopback_address_only_by_default()
        {
            // Given the default options (with any free port, so tests do not collide)
            using var live = new LiveFeed();
            await using var server = await Start(live);

            // Then the page's address is loopback
            Assert.Equal("127.0.0.1", server.Address.Host);
            Assert.NotEqual(0, server.Address.Port);

            // And every socket the kernel lists as listening on that port is bound to 127.0.0.1
            Skip.IfNot(File.Exists("/proc/net/tcp"), "Listening sockets are read from /proc/net/tcp, which only Linux has.");
            var bound = ListeningAddresses(server.Address.Port);
            Assert.NotEmpty(bound);
            Assert.All(bound, address => Assert.Equal(IPAddress.Loopback, address));
        }

        [Fact]
        public async Task Should_refuse_a_bind_that_is_not_an_ip_address()
        {
            // Given a host name where an IP address belongs
            using var live = new LiveFeed();

            // Then the server does not start
            var error = await Assert.ThrowsAsync<ArgumentException>(() => DashboardServer.StartAsync(new DashboardOptions(Bind: "example.org", Port: 0), live.Feed));
            Assert.Contains("IP address", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_refuse_requests_addressed_to_a_dns_name_other_than_localhost()
        {
            // Given a running server
            using var live = new LiveFeed();
            await using var server = await Start(live);
            using var client = new HttpClient();

            // When a request names another host (as a DNS-rebinding page would)
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, "/frame.jpg"));
            request.Headers.Host = "attacker.example";
            using var refused = await client.SendAsync(request);
            using var localhost = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, "/"));
            localhost.Headers.Host = $"localhost:{server.Address.Port}";
            using var allowed = await client.SendAsync(localhost);

            // Then it is refused, while localhost is served
            Assert.Equal(HttpStatusCode.MisdirectedRequest, refused.StatusCode);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        [Fact]
        public async Task Should_serve_the_page_and_its_assets_from_the_assembly_with_the_title()
        {
            // Given a server with a title that needs escaping
            using var live = new LiveFeed();
            await using var server = await DashboardServer.StartAsync(new DashboardOptions(Port: 0, Title: "Ward <3> practice"), live.Feed);
            using var client = new HttpClient { BaseAddress = server.Address };

            // When the page and its script are fetched
            var page = await client.GetStringAsync("/");
            using var script = await client.GetAsync("/assets/dashboard.js");
            using var missing = await client.GetAsync("/assets/nothing.js");

            // Then the title is in the page, escaped, and only embedded assets exist
            Assert.Contains("Ward &lt;3&gt; practice", page, StringComparison.Ordinal);
            Assert.DoesNotContain("{{", page, StringComparison.Ordinal);
            Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        private static List<IPAddress> ListeningAddresses(int port)
        {
            const string Listen = "0A";
            var addresses = new List<IPAddress>();
            foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists))
            {
                foreach (var line in File.ReadLines(table).Skip(1))
                {
                    var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var local = fields[1].Split(':');
                    if (fields[3] != Listen || int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) != port)
                        continue;

                    // The kernel prints the address as 32-bit words in host (little-endian) order.
                    var bytes = Convert.FromHexString(local[0]);
                    for (var word = 0; word < bytes.Length; word += 4)
                        Array.Reverse(bytes, word, 4);
                    var address = new IPAddress(bytes);
                    addresses.Add(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
                }
            }

            return addresses;
        }
    }

    public sealed class Events
    {
        [Fact]
        public async Task Should_send_each_engine_update_as_an_update_event_with_snake_case_names_and_null_for_nan()
        {
            // Given a page reading the event stream
            using var live = new LiveFeed();
            await using var server = await Start(live);
            await using var page = new EventStreamReader(server);

            // When the engine emits an update, and later another
            live.Updates.OnNext(Readings.Update(10, 63));
            var first = await page.NextAsync("update");
            live.Updates.OnNext(Readings.Update(10.2, 71));
            var second = await page.NextAsync("update");

            // Then each event carries that update's readings
            Assert.Equal(63, first.GetProperty("channels")[0].GetProperty("index").GetDouble());
            Assert.Equal(71, second.GetProperty("channels")[0].GetProperty("index").GetDouble());
            var posture = second.GetProperty("channels")[0];
            Assert.Equal("posture", posture.GetProperty("channel").GetString());
            Assert.Equal(0.8, posture.GetProperty("confidence").GetDouble());
            Assert.Equal(0.8, posture.GetProperty("lag_s").GetDouble());
            Assert.Equal("A", posture.GetProperty("leader").GetString());
            Assert.Equal("in_band", posture.GetProperty("state").GetString());
            var tempo = second.GetProperty("channels")[3];
            Assert.Equal(JsonValueKind.Null, tempo.GetProperty("index").ValueKind);
            Assert.Equal(JsonValueKind.Null, tempo.GetProperty("lag_s").ValueKind);
            Assert.Equal("no_data", tempo.GetProperty("state").GetString());
            var conversation = second.GetProperty("conversation");
            Assert.True(conversation.GetProperty("speaking_a").GetBoolean());
            Assert.Equal(0.55, conversation.GetProperty("talk_share_a").GetDouble());
            Assert.Equal(42, conversation.GetProperty("longest_monologue_s").GetDouble());
            Assert.Equal(7, conversation.GetProperty("backchannels_b").GetInt32());

            // And captured_ms is the capture instant of the newest input (voice at 10.15 s)
            Assert.Equal(LiveFeed.Zero.ToUnixTimeMilliseconds() + 10_150, second.GetProperty("captured_ms").GetInt64());

            // And body and voice carry their own capture instants (body at 10.1 s, voice at 10.15 s)
            Assert.Equal(LiveFeed.Zero.ToUnixTimeMilliseconds() + 10_100, second.GetProperty("body_captured_ms").GetInt64());
            Assert.Equal(LiveFeed.Zero.ToUnixTimeMilliseconds() + 10_150, second.GetProperty("voice_captured_ms").GetInt64());
        }

        [Fact]
        public async Task Should_send_a_late_page_the_current_state_first()
        {
            // Given updates and health that happened before the page connected
            using var live = new LiveFeed();
            await using var server = await Start(live);
            live.Updates.OnNext(Readings.Update(5, 40));
            live.Updates.OnNext(Readings.Update(5.2, 44));

            // When the page connects
            await using var page = new EventStreamReader(server);

            // Then its first update is the newest one, not a replay of history
            var update = await page.NextAsync("update");
            Assert.Equal(44, update.GetProperty("channels")[0].GetProperty("index").GetDouble());
        }

        [Fact]
        public async Task Should_keep_at_most_one_event_per_kind_waiting_for_a_client_that_does_not_read()
        {
            // Given a client that opens the event stream and never reads it
            using var live = new LiveFeed();
            await using var server = await Start(live);
            using var stalled = new TcpClient();
            await stalled.ConnectAsync(IPAddress.Loopback, server.Address.Port);
            await stalled.GetStream().WriteAsync(Encoding.ASCII.GetBytes($"GET /events HTTP/1.1\r\nHost: 127.0.0.1:{server.Address.Port}\r\n\r\n"));
            await WaitUntil(() => server.Events.ClientCount == 1);

            // When the engine emits far more than the socket buffers can hold (about 25 MB of events)
            for (var i = 0; i < 40_000; i++)
                live.Updates.OnNext(Readings.Update(i / 10.0, i % 100));

            // Then the server holds at most one waiting event per kind for it, not a queue
            Assert.Equal(1, server.Events.ClientCount);
            Assert.InRange(server.Events.LargestBacklog, 0, 5);
        }

        [Fact]
        public async Task Should_announce_the_end_with_the_report_link()
        {
            // Given a page reading the event stream and a report written by the session
            using var folder = new TempFolder();
            var report = folder.Write("report.html", "<h1>Session report</h1>");
            using var live = new LiveFeed();
            await using var server = await Start(live);
            await using var page = new EventStreamReader(server);
            live.Updates.OnNext(Readings.Update(1, 50));
            await page.NextAsync("update");

            // When the session ends
            server.SessionEnded(report);

            // Then the page is told where the report is
            var ended = await page.NextAsync("ended");
            Assert.Equal("/report", ended.GetProperty("report_url").GetString());
        }

        private static async Task WaitUntil(Func<bool> condition)
        {
            using var timeout = new CancellationTokenSource(EventStreamReader.Patience);
            while (!condition())
                await Task.Delay(10, timeout.Token);
        }
    }

    public sealed class SessionEnded
    {
        [Fact]
        public async Task Should_serve_no_report_before_the_session_ends_and_the_given_file_after()
        {
            // Given a running session and the report it will write
            using var folder = new TempFolder();
            var report = folder.Write("report.html", "<h1>Session report</h1>");
            using var live = new LiveFeed();
            await using var server = await Start(live);
            using var client = new HttpClient { BaseAddress = server.Address };

            // When the page asks for the report before and after the end
            using var before = await client.GetAsync("/report");
            server.SessionEnded(report);
            using var after = await client.GetAsync("/report");

            // Then there is none before, and the session's file after
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.Equal("text/html", after.Content.Headers.ContentType?.MediaType);
            Assert.Equal("<h1>Session report</h1>", await after.Content.ReadAsStringAsync());
        }

        [Fact]
        public async Task Should_never_let_a_request_choose_which_file_is_served()
        {
            // Given an ended session with its report
            using var folder = new TempFolder();
            var report = folder.Write("report.html", "the report");
            using var live = new LiveFeed();
            await using var server = await Start(live);
            server.SessionEnded(report);
            using var client = new HttpClient { BaseAddress = server.Address };

            // When requests try to name another file
            var withQuery = await client.GetStringAsync("/report?file=/etc/passwd&path=/etc/passwd");
            using var withRoute = await client.GetAsync("/report/..%2F..%2Fetc%2Fpasswd");
            using var throughAssets = await client.GetAsync("/assets/..%2F..%2F..%2Fetc%2Fpasswd");
            using var posted = await client.PostAsync("/report", new StringContent("/etc/passwd"));

            // Then only the session's own report is ever served
            Assert.Equal("the report", withQuery);
            Assert.Equal(HttpStatusCode.NotFound, withRoute.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, throughAssets.StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, posted.StatusCode);
        }

        [Fact]
        public async Task Should_refuse_a_report_that_does_not_exist()
        {
            // Given a running server
            using var live = new LiveFeed();
            await using var server = await Start(live);

            // Then ending with a missing report fails at the call, not when the page follows the link
            Assert.Throws<ArgumentException>(() => server.SessionEnded("/nonexistent/report.html"));
        }
    }

    public sealed class ConsentGiven
    {
        [Fact]
        public async Task Should_complete_when_both_participants_agree()
        {
            // Given a server waiting for consent
            using var live = new LiveFeed();
            await using var server = await Start(live);
            using var client = new HttpClient { BaseAddress = server.Address };
            Assert.False(server.ConsentGiven.IsCompleted);

            // When the page posts both agreements
            using var response = await client.PostAsync("/consent", Json("""{"agree_a": true, "agree_b": true}"""));

            // Then capture may start, and a reloaded page knows it
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            await server.ConsentGiven.WaitAsync(EventStreamReader.Patience);
            Assert.Contains("\"given\":true", await client.GetStringAsync("/consent"), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_stay_pending_when_only_one_agrees_or_the_request_is_not_from_the_page()
        {
            // Given a server waiting for consent
            using var live = new LiveFeed();
            await using var server = await Start(live);
            using var client = new HttpClient { BaseAddress = server.Address };

            // When one person agrees, a form post arrives (as any web site could send), or another origin posts
            using var onlyA = await client.PostAsync("/consent", Json("""{"agree_a": true, "agree_b": false}"""));
            using var form = await client.PostAsync("/consent", new FormUrlEncodedContent([new("agree_a", "true"), new("agree_b", "true")]));
            using var foreign = new HttpRequestMessage(HttpMethod.Post, "/consent") { Content = Json("""{"agree_a": true, "agree_b": true}""") };
            foreign.Headers.Add("Origin", "http://attacker.example");
            using var fromElsewhere = await client.SendAsync(foreign);

            // Then none of them starts capture
            Assert.Equal(HttpStatusCode.BadRequest, onlyA.StatusCode);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, fromElsewhere.StatusCode);
            Assert.False(server.ConsentGiven.IsCompleted);
        }

        private static StringContent Json(string body) => new(body, new MediaTypeHeaderValue("application/json"));
    }

    public sealed class Video
    {
        [SkippableFact]
        public async Task Should_serve_the_newest_frame_as_a_jpeg_and_as_a_motion_jpeg_part()
        {
            // Given a running server and two camera frames
            using var folder = new TempFolder();
            var older = Jpegs.Plain(folder, 320, 240);
            var newer = Jpegs.Plain(folder, 640, 480);
            using var live = new LiveFeed();
            await using var server = await Start(live);
            using var client = new HttpClient { BaseAddress = server.Address };
            using var none = await client.GetAsync("/frame.jpg");

            // When both frames arrive before anyone looks
            live.Video.OnNext(new VideoFrame(Core.MediaTime.FromSeconds(1), older));
            live.Video.OnNext(new VideoFrame(Core.MediaTime.FromSeconds(2.25), newer));

            // Then /frame.jpg is the newer one, with its media time and capture instant
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
            using var frame = await client.GetAsync("/frame.jpg");
            Assert.Equal(newer, await frame.Content.ReadAsByteArrayAsync());
            Assert.Equal("2.25", frame.Headers.GetValues("X-Media-Time").Single());
            Assert.Equal((LiveFeed.Zero.ToUnixTimeMilliseconds() + 2250).ToString(CultureInfo.InvariantCulture), frame.Headers.GetValues("X-Captured-Ms").Single());

            // And the motion-JPEG stream starts with the newer one too
            using var timeout = new CancellationTokenSource(EventStreamReader.Patience);
            using var stream = await client.GetAsync("/video.mjpg", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            Assert.Equal("multipart/x-mixed-replace", stream.Content.Headers.ContentType?.MediaType);
            var body = await stream.Content.ReadAsStreamAsync(timeout.Token);
            var headers = await ReadPartHeaders(body, timeout.Token);
            Assert.StartsWith("--mirrorsense-frame\r\nContent-Type: image/jpeg\r\n", headers, StringComparison.Ordinal);
            Assert.Contains($"Content-Length: {newer.Length}\r\n", headers, StringComparison.Ordinal);
            Assert.Contains("X-Media-Time: 2.25\r\n", headers, StringComparison.Ordinal);
            Assert.Contains($"X-Captured-Ms: {LiveFeed.Zero.ToUnixTimeMilliseconds() + 2250}\r\n", headers, StringComparison.Ordinal);
            var jpeg = new byte[newer.Length];
            await body.ReadExactlyAsync(jpeg, timeout.Token);
            Assert.Equal(newer, jpeg);
        }

        [SkippableFact]
        public async Task Should_write_a_pictures_media_time_in_the_same_digits_as_the_skeletons_of_that_moment()
        {
            // Given a frame and its skeletons at a time with no short decimal form (1/3 s, kept to the microsecond)
            using var folder = new TempFolder();
            var camera = Jpegs.Plain(folder, Dyads.Width, Dyads.Height);
            using var live = new LiveFeed();
            await using var server = await Start(live);
            await using var page = new EventStreamReader(server);
            using var client = new HttpClient { BaseAddress = server.Address };
            var moment = Core.MediaTime.FromSeconds(1.0 / 3);

            // When both reach the server
            live.Video.OnNext(new VideoFrame(moment, camera));
            live.Poses.OnNext(Dyads.Frame(moment.Seconds));
            var pose = await page.NextAsync("pose");
            using var frame = await client.GetAsync("/frame.jpg");

            // Then the page can match them by plain equality of the numbers it parses
            Assert.Equal(pose.GetProperty("time_s").GetRawText(), frame.Headers.GetValues("X-Media-Time").Single());
        }

        private static async Task<string> ReadPartHeaders(Stream body, CancellationToken cancellationToken)
        {
            var headers = new StringBuilder();
            var one = new byte[1];
            while (!headers.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                await body.ReadExactlyAsync(one, cancellationToken);
                headers.Append((char)one[0]);
            }

            return headers.ToString();
        }
    }
}
