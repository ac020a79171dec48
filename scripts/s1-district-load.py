import math
def g(t,mu,s): 
    d=min(abs(t-mu),24-abs(t-mu)); return math.exp(-0.5*(d/s)**2)
def res(t): return 0.80+0.10*g(t,7.5,1.2)+0.30*g(t,20.5,2.0)
def ind(t): return 0.80+0.32*(g(t,10.4,1.5)+g(t,13.7,1.5))-0.12*g(t,12.0,0.45)
def com(t): return 0.72+0.38*(g(t,10.5,1.8)+g(t,13.8,1.9))+0.1*g(t,19,2)
mix=[0.245,0.493,0.262]
vals=[]
for k in range(144):
    t=(k+0.5)/6
    vals.append(mix[0]*res(t)+mix[1]*ind(t)+mix[2]*com(t))
target=11987e3-150e3  # kWh: S1 day total less the EV energy
s=sum(vals)/6
vals=[v*target/s for v in vals]
hours=[sum(vals[6*h:6*h+6])/6 for h in range(24)]
for h,v in enumerate(hours): print(h, round(v/1000,1))
print("peak", max(hours)/1000, "total", sum(hours)/1000)
with open(__import__('sys').argv[1] if len(__import__('sys').argv)>1 else 'config/loads/s1-district.csv','w') as f:
    f.write("""# Synthetic district base load for S1's case study (KIEE 2020): one urban district whose load mixes
# residential 0.245, industrial 0.493 and commercial 0.262 (S1's shares). Each class is a daily shape in per
# unit of its mean, made of Gaussian bumps (hour of day h, width s):
#   residential 0.80 + 0.10 g(7.5, 1.2) + 0.30 g(20.5, 2.0)                (morning and evening at home)
#   industrial  0.80 + 0.32 (g(10.4, 1.5) + g(13.7, 1.5)) - 0.12 g(12.0, 0.45)   (two shifts, lunch dip)
#   commercial  0.72 + 0.38 (g(10.5, 1.8) + g(13.8, 1.9)) + 0.10 g(19, 2)   (opening hours)
# mixed by the shares and scaled so the day holds 11,837 MWh: S1's 11,987 MWh less ~150 MWh of fast-charging
# EV energy the scenario adds. The hourly peaks fall in the hours ending 11:00 and 14:00 (S1: near 11:00 and
# 14:00), with the lunch dip between. 10-minute values, kW; time is the interval's start.
# Regenerate: see docs/control.md, "S1 district base load".
time,kw
""")
    for k,v in enumerate(vals):
        f.write("%02d:%02d,%.0f\n"%(k//6,(k%6)*10,v))
