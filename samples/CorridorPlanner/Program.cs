Console.WriteLine("CorridorPlanner: coming with the solver.");
