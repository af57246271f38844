// lemon_mcf: times LEMON's NetworkSimplex and CostScaling on one DIMACS min-cost-flow file.
// Reading the file is not timed; each algorithm is constructed and run N times and the best run
// (construction + run, the solve alone) is printed as: algorithm <TAB> best ms <TAB> total cost.
// Usage: lemon_mcf FILE.min [N]
#include <lemon/cost_scaling.h>
#include <lemon/dimacs.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>

using Graph = lemon::SmartDigraph;
using Value = long long;

template <typename Algorithm>
static int timeAlgorithm(const char* name, const Graph& g, const Graph::ArcMap<Value>& lower,
                         const Graph::ArcMap<Value>& capacity, const Graph::ArcMap<Value>& cost,
                         const Graph::NodeMap<Value>& supply, int repeats) {
  double best = std::numeric_limits<double>::infinity();
  Value total = 0;
  for (int i = 0; i < repeats; ++i) {
    auto start = std::chrono::steady_clock::now();
    Algorithm algorithm(g);
    algorithm.lowerMap(lower).upperMap(capacity).costMap(cost).supplyMap(supply);
    auto status = algorithm.run();
    auto stop = std::chrono::steady_clock::now();
    if (status != Algorithm::OPTIMAL) {
      std::printf("%s\tnot optimal (status %d)\t\n", name, static_cast<int>(status));
      return 1;
    }
    total = algorithm.template totalCost<Value>();
    double ms = std::chrono::duration<double, std::milli>(stop - start).count();
    if (ms < best) best = ms;
  }
  std::printf("%s\t%.3f\t%lld\n", name, best, total);
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE.min [REPEATS]\n", argv[0]);
    return 2;
  }
  int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
  std::ifstream input(argv[1]);
  if (!input) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  Graph g;
  Graph::ArcMap<Value> lower(g), capacity(g), cost(g);
  Graph::NodeMap<Value> supply(g);
  lemon::readDimacsMin(input, g, lower, capacity, cost, supply, std::numeric_limits<Value>::max());
  int failed = 0;
  failed |= timeAlgorithm<lemon::NetworkSimplex<Graph, Value, Value>>("lemon-network-simplex", g, lower, capacity, cost, supply, repeats);
  failed |= timeAlgorithm<lemon::CostScaling<Graph, Value, Value>>("lemon-cost-scaling", g, lower, capacity, cost, supply, repeats);
  return failed;
}
