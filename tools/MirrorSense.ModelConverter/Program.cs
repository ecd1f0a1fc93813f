using MirrorSense.ModelConverter.Tflite;

var model = TfliteModelReader.Read(args[0]);
Console.WriteLine($"version {model.Version} desc {model.Description} tensors {model.Graph.Tensors.Count} ops {model.Graph.Operators.Count}");
foreach (var i in model.Graph.Inputs) Console.WriteLine($"in {model.Graph.Tensors[i].Name} [{string.Join(",", model.Graph.Tensors[i].Shape)}] {model.Graph.Tensors[i].Type}");
foreach (var i in model.Graph.Outputs) Console.WriteLine($"out {model.Graph.Tensors[i].Name} [{string.Join(",", model.Graph.Tensors[i].Shape)}] {model.Graph.Tensors[i].Type}");
foreach (var g in model.Graph.Operators.GroupBy(o => o.Code)) Console.WriteLine($"{g.Key} {g.Count()} {string.Join(" ", g.Select(o => o.Options).Distinct().Take(6))}");
foreach (var t in model.Graph.Tensors.Where(t => t.Sparsity != null).Take(3)) Console.WriteLine($"sparse {t.Name} [{string.Join(",", t.Shape)}] {t.Type} trav [{string.Join(",", t.Sparsity!.TraversalOrder)}] block [{string.Join(",", t.Sparsity.BlockMap)}] dims {string.Join(" | ", t.Sparsity.Dimensions.Select(d => $"{d.IsSparse} {d.DenseSize} seg{d.Segments.Count} idx{d.Indices.Count}"))} bytes {model.DataOf(t).Length}");
foreach (var t in model.Graph.Tensors.Select(t => t.Type).GroupBy(x => x)) Console.WriteLine($"type {t.Key} {t.Count()}");
