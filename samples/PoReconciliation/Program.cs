System.Console.WriteLine("sample: see issue 2");
