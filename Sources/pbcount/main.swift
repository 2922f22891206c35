import PBEngine
print(Rational(decimal: "12.5")!)
