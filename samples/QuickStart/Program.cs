Console.WriteLine("QuickStart: coming with the solver.");
