#include <catch2/catch.hpp>

#include <cmath>

#include "core/geodesic.hpp"

namespace {

// Vincenty's inverse formula (1975), written out here as an independent
// check on PROJ's geodesic routines: agrees to well under a millimetre for
// non-antipodal points.
double vincenty(double lat1, double lon1, double lat2, double lon2) {
  const double a = 6378137.0, f = 1 / 298.257223563, b = a * (1 - f);
  const double rad = M_PI / 180;
  double L = (lon2 - lon1) * rad;
  double U1 = std::atan((1 - f) * std::tan(lat1 * rad)),
         U2 = std::atan((1 - f) * std::tan(lat2 * rad));
  double sinU1 = std::sin(U1), cosU1 = std::cos(U1), sinU2 = std::sin(U2), cosU2 = std::cos(U2);
  double lambda = L, prev = 0, sinSigma = 0, cosSigma = 0, sigma = 0, cos2Alpha = 0, cos2SigmaM = 0;
  for (int i = 0; i < 200; ++i) {
    double sinL = std::sin(lambda), cosL = std::cos(lambda);
    sinSigma =
        std::sqrt(std::pow(cosU2 * sinL, 2) + std::pow(cosU1 * sinU2 - sinU1 * cosU2 * cosL, 2));
    cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
    sigma = std::atan2(sinSigma, cosSigma);
    double sinAlpha = cosU1 * cosU2 * sinL / sinSigma;
    cos2Alpha = 1 - sinAlpha * sinAlpha;
    cos2SigmaM = cosSigma - 2 * sinU1 * sinU2 / cos2Alpha;
    double C = f / 16 * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
    prev = lambda;
    lambda = L + (1 - C) * f * sinAlpha *
                     (sigma + C * sinSigma *
                                  (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    if (std::abs(lambda - prev) < 1e-13) break;
  }
  double u2 = cos2Alpha * (a * a - b * b) / (b * b);
  double A = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
  double B = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
  double dSigma = B * sinSigma *
                  (cos2SigmaM + B / 4 *
                                    (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) -
                                     B / 6 * cos2SigmaM * (-3 + 4 * std::pow(sinSigma, 2)) *
                                         (-3 + 4 * cos2SigmaM * cos2SigmaM)));
  return b * A * (sigma - dSigma);
}

}  // namespace

TEST_CASE("geodesic distance agrees with an independent Vincenty computation", "[core][geodesic]") {
  // Batken to Isfara, and a long east-west line at 40 N.
  CHECK(bm::geodesic_distance({70.81667, 40.05}, {70.63333, 40.11667}) ==
        Approx(vincenty(40.05, 70.81667, 40.11667, 70.63333)).margin(0.001));
  CHECK(bm::geodesic_distance({69.0, 40.0}, {74.0, 40.0}) ==
        Approx(vincenty(40, 69, 40, 74)).margin(0.001));
}

TEST_CASE("nearest point on a line is found geodesically", "[core][geodesic]") {
  // A north-south line at lon 70; a point 0.1 degree east of its middle.
  bm::Line line{{70.0, 39.0}, {70.0, 41.0}};
  auto n = bm::nearest_on_line({70.1, 40.0}, line);
  CHECK(n.point.lon == Approx(70.0).margin(1e-9));
  // On an ellipsoid the foot of the perpendicular is not exactly at lat 40.
  CHECK(n.point.lat == Approx(40.0).margin(0.001));
  CHECK(n.distance_m == Approx(vincenty(40.0, 70.1, n.point.lat, 70.0)).margin(0.001));
  CHECK(n.distance_m == Approx(8535).margin(5));  // 0.1 deg of longitude at 40 N
}

TEST_CASE("a point on the line is at distance zero", "[core][geodesic]") {
  bm::Line line{{70.0, 39.0}, {71.0, 40.0}};
  CHECK(bm::nearest_on_line({70.5, 39.5}, line).distance_m < 0.01);
}
