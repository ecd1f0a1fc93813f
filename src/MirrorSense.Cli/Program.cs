using System.CommandLine;

var root = new RootCommand("MirrorSense: nonverbal mirroring and synchrony in dyads.");
return root.Parse(args).Invoke();
