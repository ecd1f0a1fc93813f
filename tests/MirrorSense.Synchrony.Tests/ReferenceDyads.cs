using MirrorSense.Core;
using MirrorSense.Sessions.Readers;
using MirrorSense.Testing;

namespace MirrorSense.Synchrony.Tests;

/// <summary>The rMEA reference recordings (25 Hz, patient = A, therapist = B), read as rMEA reads them.</summary>
internal static class ReferenceDyads
{
    public static DyadSeries Load(string group, string id) =>
        DyadSeriesReader.Read(ReferenceData.Require("rmea", group, id + ".txt"), 25);
}
